package com.networkpin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-11-24T14:00:00Z");

    @Test
    void givenAFixedBase_whenMovedAndAdvanced_thenReadsTheNewTime() {
        MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));

        clock.moveTo(START.plus(Duration.ofHours(1)));
        Instant advanced = clock.advance(Duration.ofMinutes(5));

        assertEquals(START.plus(Duration.ofMinutes(65)), advanced);
        assertEquals(advanced, clock.instant());
    }

    @Test
    void givenAZonedCopy_whenTheOriginalMoves_thenTheCopyMovesToo() {
        MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
        Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

        clock.advance(Duration.ofHours(2));

        assertEquals(START.plus(Duration.ofHours(2)), tokyo.instant());
        clock.reset();
        assertEquals(START, tokyo.instant());
    }

    @Test
    void givenAClockAhead_whenMovedForwardToAnEarlierInstant_thenItStaysAndALaterOneMovesIt() {
        MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
        clock.moveTo(START.plus(Duration.ofDays(1)));

        assertEquals(START.plus(Duration.ofDays(1)), clock.moveForwardTo(START.plus(Duration.ofHours(3))));
        assertEquals(START.plus(Duration.ofDays(2)), clock.moveForwardTo(START.plus(Duration.ofDays(2))));
        assertEquals(START.plus(Duration.ofDays(2)), clock.instant());
    }
}
