package com.networkpin.events;

import java.time.Instant;
import java.util.UUID;

/** The lock was lifted; {@code causeEventId} is the MidnightUnlock or PinReset that lifted it. */
public record Unlocked(String contractId, UnlockReason reason, UUID causeEventId, Instant unlockedAt)
        implements PinEvent {
}
