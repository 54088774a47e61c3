package com.networkpin.reservation.domain;

import com.networkpin.events.JapanTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Visits are booked in 15-minute slots, in Japan time: the shops' hours, closed dates and slots are
 * Japanese local times (the reservation-service refuses to start with another {@code network-pin.zone}).
 */
public final class Slots {

    public static final ZoneId JAPAN = JapanTime.DEFAULT_ZONE;
    public static final Duration LENGTH = Duration.ofMinutes(15);

    private Slots() {
    }

    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, JAPAN);
    }

    /** The instant a Japanese date begins; the date's slots start in [startOf(date), startOf(date + 1)). */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(JAPAN).toInstant();
    }

    public static boolean isOnBoundary(Instant start) {
        LocalDateTime local = local(start);
        return local.getMinute() % LENGTH.toMinutes() == 0 && local.getSecond() == 0 && local.getNano() == 0;
    }

    public static Instant end(Instant start) {
        return start.plus(LENGTH);
    }

    /** The slot starting at {@code start} has begun and not yet ended at {@code now}. */
    public static boolean inProgress(Instant start, Instant now) {
        return !start.isAfter(now) && now.isBefore(end(start));
    }

    public static boolean sameJapanDate(Instant a, Instant b) {
        return local(a).toLocalDate().equals(local(b).toLocalDate());
    }
}
