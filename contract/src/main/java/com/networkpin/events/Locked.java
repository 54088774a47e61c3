package com.networkpin.events;

import java.time.Instant;

/** Too many consecutive wrong entries; the lock lifts at {@code unlocksAt}, the next midnight in Japan. */
public record Locked(String contractId, Instant lockedAt, Instant unlocksAt) implements PinEvent {
}
