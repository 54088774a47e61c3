package com.networkpin.events;

import java.time.Instant;

/** The booking was cancelled and its slot freed. */
public record ReservationCancelled(String reservationNumber, String contractId, Instant cancelledAt)
        implements ReservationEvent {
}
