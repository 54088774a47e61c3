package com.networkpin.events;

import java.time.Instant;

/** A wrong PIN was entered while the PIN was not locked. */
public record AttemptFailed(
        String contractId,
        Channel channel,
        int consecutiveFailures,
        int remainingAttempts,
        Instant attemptedAt) implements PinEvent {
}
