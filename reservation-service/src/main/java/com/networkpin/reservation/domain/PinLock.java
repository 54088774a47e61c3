package com.networkpin.reservation.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What this service knows of a contract's PIN lock, from the PIN topic. */
public record PinLock(String contractId, Instant lockedUntil) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'JST on' yyyy-MM-dd");

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The advice a booking answer gives while the PIN is locked: the lock lifts by itself. */
    public Optional<String> adviceAt(Instant now) {
        if (!isLockedAt(now)) {
            return Optional.empty();
        }
        return Optional.of("Your PIN is locked until " + WHEN.format(Slots.local(lockedUntil))
                + "; it unlocks by itself then. If you only need the lock lifted, no visit is needed.");
    }
}
