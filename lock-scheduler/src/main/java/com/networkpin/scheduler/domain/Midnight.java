package com.networkpin.scheduler.domain;

import com.networkpin.events.MidnightUnlock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** 00:00 Asia/Tokyo of a Japanese date: the moment that date's locks lift. */
public record Midnight(LocalDate date, Instant instant) {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public Midnight {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(instant, "instant");
    }

    public static Midnight of(LocalDate date) {
        return new Midnight(date, date.atStartOfDay(JAPAN).toInstant());
    }

    /** The midnight that began the current Japanese date: {@code now} itself when it is exactly midnight. */
    public static Midnight latestAtOrBefore(Instant now) {
        return of(now.atZone(JAPAN).toLocalDate());
    }

    /** The first midnight strictly after {@code now}. */
    public static Midnight nextAfter(Instant now) {
        return of(now.atZone(JAPAN).toLocalDate().plusDays(1));
    }

    /** The announcement of this midnight, published at {@code publishedAt} with the locks it lifts. */
    public MidnightUnlock unlock(long pendingLocks, Instant publishedAt) {
        return new MidnightUnlock(date, instant, pendingLocks, publishedAt);
    }
}
