package com.networkpin.scheduler.domain;

import java.time.Instant;
import java.time.LocalDate;

/** The coming midnight and how many pending locks it will lift (every lock due at or before it). */
public record NextMidnight(LocalDate date, Instant midnight, long pendingLocks) {
}
