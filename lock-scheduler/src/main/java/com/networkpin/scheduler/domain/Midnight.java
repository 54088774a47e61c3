package com.networkpin.scheduler.domain;

import com.networkpin.events.MidnightUnlock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** 00:00 of a date in the system's zone (see {@link Midnights}): the moment that date's locks lift. */
public record Midnight(LocalDate date, Instant instant) {

    public Midnight {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(instant, "instant");
    }

    /** The announcement of this midnight, published at {@code publishedAt} with the locks it lifts. */
    public MidnightUnlock unlock(long pendingLocks, Instant publishedAt) {
        return new MidnightUnlock(date, instant, pendingLocks, publishedAt);
    }
}
