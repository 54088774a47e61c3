package com.networkpin.pin.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The insider limits in rolling windows: 2 disclosures an hour, 3 a day, 1 reset a day. */
class InsiderPolicyTest {

    private static final InsiderPolicy POLICY = new InsiderPolicy(2, 3, 1);
    private static final Instant NOW = Instant.parse("2032-03-01T06:00:00Z");

    @Test
    void givenOneDisclosureInTheHour_whenAnotherIsAsked_thenAllowed() {
        assertDoesNotThrow(() -> POLICY.checkDisclosure(List.of(NOW.minusSeconds(600)), NOW));
    }

    @Test
    void givenTwoDisclosuresInTheHour_whenAnotherIsAsked_thenRefusedUntilTheOlderLeavesTheHour() {
        PinRefused refused = assertThrows(PinRefused.class, () -> POLICY.checkDisclosure(
                List.of(NOW.minusSeconds(1200), NOW.minusSeconds(3000)), NOW));

        assertEquals(RefusalReason.AGENT_DISCLOSURE_LIMIT, refused.reason());
        assertEquals(Optional.of(NOW.minusSeconds(3000).plus(InsiderPolicy.HOUR)), refused.retryAt());
        assertEquals(true, refused.retryable());
    }

    @Test
    void givenThreeDisclosuresInTheDayButOneInTheHour_whenAnotherIsAsked_thenRefusedUntilTheOldestLeavesTheDay() {
        Instant oldest = NOW.minusSeconds(20 * 3600);
        PinRefused refused = assertThrows(PinRefused.class, () -> POLICY.checkDisclosure(
                List.of(NOW.minusSeconds(1800), oldest, NOW.minusSeconds(5 * 3600)), NOW));

        assertEquals(Optional.of(oldest.plus(InsiderPolicy.DAY)), refused.retryAt());
    }

    @Test
    void givenDisclosuresOlderThanTheDay_whenAnotherIsAsked_thenTheyDoNotCount() {
        assertDoesNotThrow(() -> POLICY.checkDisclosure(List.of(NOW.minusSeconds(25 * 3600),
                NOW.minusSeconds(26 * 3600), NOW.minusSeconds(27 * 3600)), NOW));
    }

    @Test
    void givenOneResetInTheDay_whenAnotherIsAsked_thenRefusedAsTheStaffLimit() {
        PinRefused refused = assertThrows(PinRefused.class, () -> POLICY.checkReset(List.of(NOW.minusSeconds(60)), NOW));

        assertEquals(RefusalReason.STAFF_RESET_LIMIT, refused.reason());
        assertEquals(Optional.of(NOW.minusSeconds(60).plus(InsiderPolicy.DAY)), refused.retryAt());
    }

    @Test
    void givenADayLimitBelowTheHours_whenMade_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InsiderPolicy(5, 4, 1));
    }
}
