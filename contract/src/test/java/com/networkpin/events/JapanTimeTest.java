package com.networkpin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JapanTimeTest {

    @Test
    void answersWriteAnInstantAtJapansOffsetWithSecondsAlways() {
        assertEquals("2026-12-01T00:00:00+09:00", JapanTime.format(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("2026-12-01T09:30:15.25+09:00", JapanTime.format(Instant.parse("2026-12-01T00:30:15.250Z")));
    }

    @Test
    void anotherZoneGivesItsOffsetOfThatDay() {
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

        assertEquals("2032-03-04T00:00:00-08:00", JapanTime.format(Instant.parse("2032-03-04T08:00:00Z"), losAngeles));
        assertEquals("2032-07-04T00:00:00-07:00", JapanTime.format(Instant.parse("2032-07-04T07:00:00Z"), losAngeles));
    }
}
