package com.networkpin.scheduler.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A midnight whose MidnightUnlock was published: the locks pending when it went out, and how many
 * {@code Unlocked(MIDNIGHT)} the PIN service has since reported for it.
 */
public record PublishedMidnight(LocalDate date, Instant midnight, Instant publishedAt, long pendingLocks,
                                long unlockedCount) {
}
