package com.networkpin.scheduler.domain;

import java.time.Instant;
import java.util.Objects;

/** A contract's PIN lock as the PIN service announced it, waiting for the midnight at {@code unlocksAt}. */
public record PendingLock(String contractId, Instant lockedAt, Instant unlocksAt) {

    public PendingLock {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(lockedAt, "lockedAt");
        Objects.requireNonNull(unlocksAt, "unlocksAt");
    }
}
