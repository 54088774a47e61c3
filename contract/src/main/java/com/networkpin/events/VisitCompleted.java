package com.networkpin.events;

import java.time.Instant;

/** The visit ended with the new PIN set. */
public record VisitCompleted(String reservationNumber, String contractId, Instant completedAt)
        implements ReservationEvent {
}
