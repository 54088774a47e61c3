package com.networkpin.events;

import java.time.Instant;

/** The right PIN was entered; the count of consecutive failures is back to zero. */
public record AttemptSucceeded(String contractId, Channel channel, Instant attemptedAt) implements PinEvent {
}
