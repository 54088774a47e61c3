package com.networkpin.scheduler.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.JapanTime;
import com.networkpin.events.MidnightUnlock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MidnightTest {

    private static final Midnights JAPAN = new Midnights(JapanTime.DEFAULT_ZONE);

    // 2025-03-01 00:00 in Japan is 2025-02-28 15:00 UTC.
    private static final Instant MARCH_1_MIDNIGHT = Instant.parse("2025-02-28T15:00:00Z");

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void givenJustBeforeMidnightInJapan_whenAskedForTheLatestMidnight_thenItIsThatOfTheSameJapaneseDate() {
        Clock clock = clockAt("2025-02-28T14:59:59.999Z"); // given 23:59:59.999 on 28 February in Japan

        Midnight latest = JAPAN.latestAtOrBefore(clock.instant()); // when

        assertEquals(new Midnight(LocalDate.of(2025, 2, 28), Instant.parse("2025-02-27T15:00:00Z")), latest); // then
    }

    @Test
    void givenMidnightExactly_whenAskedForTheLatestAndNextMidnights_thenTheNewDateHasBegun() {
        Clock clock = clockAt("2025-02-28T15:00:00Z");

        Midnight latest = JAPAN.latestAtOrBefore(clock.instant());
        Midnight next = JAPAN.nextAfter(clock.instant());

        assertEquals(new Midnight(LocalDate.of(2025, 3, 1), MARCH_1_MIDNIGHT), latest);
        assertEquals(new Midnight(LocalDate.of(2025, 3, 2), Instant.parse("2025-03-01T15:00:00Z")), next);
    }

    @Test
    void givenADateThatDiffersInUtc_whenAskedForTheNextMidnight_thenItFollowsTheJapaneseDate() {
        Clock clock = clockAt("2025-02-28T16:00:00Z"); // given 01:00 on 1 March in Japan, still 28 February in UTC

        Midnight next = JAPAN.nextAfter(clock.instant());

        assertEquals(LocalDate.of(2025, 3, 2), next.date());
    }

    @Test
    void givenALeapDay_whenAskedForMidnights_thenItHasItsOwn() {
        Clock clock = clockAt("2024-02-28T15:30:00Z"); // 00:30 on 29 February 2024 in Japan

        assertEquals(LocalDate.of(2024, 2, 29), JAPAN.latestAtOrBefore(clock.instant()).date());
        assertEquals(LocalDate.of(2024, 3, 1), JAPAN.nextAfter(clock.instant()).date());
    }

    @Test
    void givenAMidnight_whenItsUnlockIsMade_thenItAnnouncesTheDateItsInstantAndThePendingLocks() {
        Midnight midnight = JAPAN.of(LocalDate.of(2025, 3, 1));
        Instant publishedAt = MARCH_1_MIDNIGHT.plusMillis(300);

        MidnightUnlock unlock = midnight.unlock(42, publishedAt);

        assertEquals(new MidnightUnlock(LocalDate.of(2025, 3, 1), MARCH_1_MIDNIGHT, 42, publishedAt), unlock);
    }

    @Test
    void givenAnotherZone_whenAskedForMidnights_thenTheyAreThatZonesAndNeverAheadOfTheClock() {
        Midnights losAngeles = new Midnights(java.time.ZoneId.of("America/Los_Angeles"));
        Instant now = Instant.parse("2025-03-01T07:59:59Z"); // 23:59:59 on 28 February in Los Angeles

        assertEquals(new Midnight(LocalDate.of(2025, 2, 28), Instant.parse("2025-02-28T08:00:00Z")),
                losAngeles.latestAtOrBefore(now));
        assertEquals(Instant.parse("2025-03-01T08:00:00Z"), losAngeles.nextAfter(now).instant());
        assertEquals(false, losAngeles.latestAtOrBefore(now).instant().isAfter(now));
    }
}
