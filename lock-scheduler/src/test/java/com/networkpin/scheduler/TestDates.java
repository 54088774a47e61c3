package com.networkpin.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/** Dates of the tests' own: random and far ahead, so no two tests share a midnight. */
public final class TestDates {

    /** Japan is UTC+9 all year (no daylight saving time), written out here independently of the code under test. */
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    private TestDates() {
    }

    public static LocalDate randomFutureDate() {
        return LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextLong(365L * 5000));
    }

    /** The instant it is {@code time} in Japan on {@code date}. */
    public static Instant japan(LocalDate date, LocalTime time) {
        return date.atTime(time).toInstant(JST);
    }
}
