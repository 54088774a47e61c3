package com.networkpin.pin.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The former pin-only zone setting may only repeat the system's one zone; else the service refuses to start. */
class ZoneRuleTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void withoutTheFormerSettingOrWithTheSameZoneTheServiceStarts() {
        assertDoesNotThrow(() -> PinBeans.requireOneZone(Optional.empty(), TOKYO));
        assertDoesNotThrow(() -> PinBeans.requireOneZone(Optional.of("Asia/Tokyo"), TOKYO));
    }

    @Test
    void aFormerSettingThatDisagreesStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PinBeans.requireOneZone(Optional.of("Europe/London"), TOKYO));

        assertTrue(refused.getMessage().contains("network-pin.pin.zone=Europe/London"), refused.getMessage());
    }
}
