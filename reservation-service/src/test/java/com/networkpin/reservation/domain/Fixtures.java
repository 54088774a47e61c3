package com.networkpin.reservation.domain;

import com.networkpin.events.ReservationBooked;
import com.networkpin.events.VisitPurpose;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fixed "now" (Tuesday 2026-11-24, 10:00 in Japan) and a shop open 10:00-19:00, closed on Wednesdays. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, Slots.JAPAN);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final LocalDate CLOSED_DATE = LocalDate.of(2026, 11, 27);
    /** The configured defaults: bookable 30 days ahead, a no-show 15 minutes after the slot's end. */
    static final BookingPolicy POLICY = new BookingPolicy(30, Duration.ofMinutes(15));

    private Fixtures() {
    }

    static Shop shop() {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.WEDNESDAY) {
                hours.put(day, OpeningHours.of("10:00", "19:00"));
            }
        }
        return new Shop("tokyo-test", "Test Shop", "テスト店", "tokyo", "1-1-1 Test, Tokyo", hours, Set.of(CLOSED_DATE), 2);
    }

    static Instant japan(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(Slots.JAPAN).toInstant();
    }

    /** Thursday 2026-11-26 at the given Japan time: an open day. */
    static Instant thursday(String time) {
        return japan(TODAY.plusDays(2), time);
    }

    static Reservation booked(VisitPurpose purpose, Instant start) {
        ReservationBooked booked = Reservation.book(new BookVisit("C-1", "tokyo-test", start, purpose, false), "ACDEFGH",
                shop(), List.of(), CLOCK.instant(), POLICY);
        return Reservation.replay(List.of(booked));
    }
}
