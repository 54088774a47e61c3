package com.networkpin.events;

import java.time.Instant;

/** Nobody checked in by the end of the slot plus the grace period. */
public record NoShow(String reservationNumber, String contractId, Instant slotStart, Instant markedAt)
        implements ReservationEvent {
}
