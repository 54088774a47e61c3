package com.networkpin.scheduler.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The midnights of the system's zone ({@code network-pin.zone}, Asia/Tokyo unless configured): the
 * same setting the pin-service dates its locks by, so a published midnight is exactly a lock's
 * unlock time.
 */
public record Midnights(ZoneId zone) {

    public Midnights {
        Objects.requireNonNull(zone, "zone");
    }

    public Midnight of(LocalDate date) {
        return new Midnight(date, date.atStartOfDay(zone).toInstant());
    }

    /** The midnight that began the current date: {@code now} itself when it is exactly midnight. Never after {@code now}. */
    public Midnight latestAtOrBefore(Instant now) {
        return of(now.atZone(zone).toLocalDate());
    }

    /** The first midnight strictly after {@code now}. */
    public Midnight nextAfter(Instant now) {
        return of(now.atZone(zone).toLocalDate().plusDays(1));
    }
}
