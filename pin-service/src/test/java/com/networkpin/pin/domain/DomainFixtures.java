package com.networkpin.pin.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;

/** Policy, keys and Tokyo times shared by the domain tests. */
final class DomainFixtures {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final PinPolicy POLICY = new PinPolicy(3, TOKYO, LocalTime.of(9, 0), LocalTime.of(20, 0),
            Duration.ofHours(2), 2);

    private DomainFixtures() {
    }

    static HmacAesPinSecrets secrets() {
        return secrets(Map.of("p1", filled(32, 1)), "p1", null);
    }

    /** The encryption keys of {@link #secrets()} (k1 active, k2) with these peppers. */
    static HmacAesPinSecrets secrets(Map<String, byte[]> peppers, String activePepperId, String legacyPepperId) {
        return new HmacAesPinSecrets(peppers, activePepperId, legacyPepperId,
                Map.of("k1", filled(32, 2), "k2", filled(32, 3)), "k1");
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** A wall-clock time in Tokyo, e.g. {@code tokyo("2030-01-10T23:59:59")}. */
    static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }
}
