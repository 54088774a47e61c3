package com.networkpin.pin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacAesPinSecretsTest {

    private static final PinCode PIN = new PinCode("4827");
    private final HmacAesPinSecrets secrets = DomainFixtures.secrets();

    @Test
    void givenAProtectedPin_whenComparing_thenOnlyThatPinMatches() {
        Credential credential = secrets.protect("C-1", PIN);

        assertTrue(secrets.matches(credential, PIN));
        assertFalse(secrets.matches(credential, new PinCode("4828")));
    }

    @Test
    void givenTheSamePinTwice_whenProtected_thenSaltNonceHashAndCiphertextDiffer() {
        Credential a = secrets.protect("C-1", PIN);
        Credential b = secrets.protect("C-1", PIN);

        assertEquals(16, a.salt().length);
        assertEquals(12, a.nonce().length);
        assertFalse(Arrays.equals(a.salt(), b.salt()));
        assertFalse(Arrays.equals(a.nonce(), b.nonce()));
        assertFalse(Arrays.equals(a.hmac(), b.hmac()));
        assertFalse(Arrays.equals(a.ciphertext(), b.ciphertext()));
        assertFalse(new String(a.ciphertext(), StandardCharsets.ISO_8859_1).contains("4827"));
    }

    @Test
    void givenASealedPin_whenOpenedForAnotherContract_thenItFails() {
        Credential credential = secrets.protect("C-1", PIN);

        assertEquals(PIN, secrets.reveal("C-1", credential));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> secrets.reveal("C-2", credential));
        assertFalse(failure.getMessage().contains("4827"));
    }

    @Test
    void givenARotatedKey_whenOpeningAPinSealedWithTheOldKey_thenItStillOpens() {
        Credential old = secrets.protect("C-1", PIN);
        HmacAesPinSecrets rotated = new HmacAesPinSecrets(DomainFixtures.filled(32, 1),
                Map.of("k1", DomainFixtures.filled(32, 2), "k2", DomainFixtures.filled(32, 3)), "k2");

        Credential fresh = rotated.protect("C-1", PIN);

        assertEquals("k1", old.keyId());
        assertEquals("k2", fresh.keyId());
        assertEquals(PIN, rotated.reveal("C-1", old));
        assertTrue(rotated.matches(old, PIN), "the pepper is unchanged");
    }

    @Test
    void givenAShortKey_whenConfigured_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HmacAesPinSecrets(DomainFixtures.filled(32, 1),
                Map.of("k1", DomainFixtures.filled(16, 2)), "k1"));
        assertThrows(IllegalArgumentException.class, () -> new HmacAesPinSecrets(DomainFixtures.filled(8, 1),
                Map.of("k1", DomainFixtures.filled(32, 2)), "k1"));
    }
}
