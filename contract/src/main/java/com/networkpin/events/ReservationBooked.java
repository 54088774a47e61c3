package com.networkpin.events;

import java.time.Instant;

/** A shop visit was booked for a 15-minute slot starting at {@code start}. */
public record ReservationBooked(
        String reservationNumber,
        String contractId,
        String shopId,
        Instant start,
        VisitPurpose purpose,
        int feeJpy) implements ReservationEvent {
}
