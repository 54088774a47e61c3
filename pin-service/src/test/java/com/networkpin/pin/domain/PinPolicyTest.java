package com.networkpin.pin.domain;

import static com.networkpin.pin.domain.DomainFixtures.POLICY;
import static com.networkpin.pin.domain.DomainFixtures.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinPolicyTest {

    @ParameterizedTest(name = "locked at {0} JST -> unlocks at {1} JST")
    @CsvSource({
            "2030-01-10T23:59:59, 2030-01-11T00:00",   // the same night, a second later
            "2030-01-11T00:00:00, 2030-01-12T00:00",   // the new date has begun: its whole length
            "2030-01-11T00:00:01, 2030-01-12T00:00",
            "2030-01-11T13:30:00, 2030-01-12T00:00",
            "2030-12-31T23:00:00, 2031-01-01T00:00"})
    void givenALockInstant_whenAskingForTheUnlock_thenItIsTheNextMidnightInTokyoStrictlyAfter(String lockedAt,
                                                                                               String unlocksAt) {
        assertEquals(tokyo(unlocksAt), POLICY.nextMidnightAfter(tokyo(lockedAt)));
    }

    @ParameterizedTest(name = "{0} JST: open {1}, next opening {2}")
    @CsvSource({
            "2030-01-10T08:59:59, false, 2030-01-10T09:00",
            "2030-01-10T09:00:00, true,  2030-01-11T09:00",
            "2030-01-10T19:59:59, true,  2030-01-11T09:00",
            "2030-01-10T20:00:00, false, 2030-01-11T09:00",
            "2030-01-10T23:30:00, false, 2030-01-11T09:00"})
    void givenATime_whenAskingAboutTheMannedChat_thenItKnowsItsHours(String now, boolean open, String nextOpening) {
        Instant at = tokyo(now);

        assertEquals(open, POLICY.isMannedChatOpen(at));
        assertEquals(tokyo(nextOpening), POLICY.nextMannedChatOpening(at));
    }
}
