package com.networkpin.pin.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The configurable rules: how many wrong entries lock the PIN, the zone whose date change lifts
 * the lock, the manned chat's hours, how long a shop's reset grant lives, disclosures per day.
 */
public record PinPolicy(int maxConsecutiveFailures, ZoneId zone, LocalTime mannedChatOpens,
                        LocalTime mannedChatCloses, Duration resetGrantLifetime, int dailyDisclosureLimit) {

    public PinPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(resetGrantLifetime, "resetGrantLifetime");
        if (maxConsecutiveFailures < 1 || dailyDisclosureLimit < 0) {
            throw new IllegalArgumentException("failures must be at least 1 and the disclosure limit not negative");
        }
        if (!mannedChatOpens.isBefore(mannedChatCloses)) {
            throw new IllegalArgumentException("the manned chat must open before it closes");
        }
    }

    /**
     * The next 00:00 in the zone strictly after {@code lockedAt}: a lock at 23:59:59 lifts a second
     * later, and a lock at exactly 00:00:00 lasts the whole of the date that has just begun.
     */
    public Instant nextMidnightAfter(Instant lockedAt) {
        return dateOf(lockedAt).plusDays(1).atStartOfDay(zone).toInstant();
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isMannedChatOpen(Instant now) {
        LocalTime local = now.atZone(zone).toLocalTime();
        return !local.isBefore(mannedChatOpens) && local.isBefore(mannedChatCloses);
    }

    /** The next time the manned chat opens after {@code now} (tomorrow's opening if it has opened today). */
    public Instant nextMannedChatOpening(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime todayOpening = local.toLocalDate().atTime(mannedChatOpens).atZone(zone);
        return (local.isBefore(todayOpening) ? todayOpening : todayOpening.plusDays(1)).toInstant();
    }
}
