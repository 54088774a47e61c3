package com.networkpin.events;

import java.time.Instant;

/** A new PIN was set at a shop under the grant of {@code reservationNumber}. */
public record PinReset(String contractId, String reservationNumber, Instant resetAt) implements PinEvent {
}
