package com.networkpin.reservation.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoneCheckTest {

    @Test
    void japansZoneByAnyOfItsNamesIsAccepted() {
        assertDoesNotThrow(() -> ZoneCheck.requireSlotsZone(ZoneId.of("Asia/Tokyo")));
        assertDoesNotThrow(() -> ZoneCheck.requireSlotsZone(ZoneId.of("Japan")));
    }

    @Test
    void anotherZoneIsRefused() {
        assertThrows(IllegalStateException.class, () -> ZoneCheck.requireSlotsZone(ZoneId.of("America/Los_Angeles")));
    }
}
