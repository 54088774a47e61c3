package com.networkpin.events;

import java.time.Instant;

/** The booking moved from {@code previousStart} to {@code start} at the same shop. */
public record ReservationRescheduled(
        String reservationNumber,
        String contractId,
        String shopId,
        Instant previousStart,
        Instant start) implements ReservationEvent {
}
