package com.networkpin.pin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    void givenTwoRequests_whenDigested_thenTheSameRequestGivesTheSameDigestAndNoPinShows() {
        String digest = secrets.requestDigests("C-1;4827;").get(0);

        assertEquals(digest, secrets.requestDigests("C-1;4827;").get(0));
        assertFalse(digest.equals(secrets.requestDigests("C-1;4828;").get(0)));
        assertEquals(64, digest.length());
        assertFalse(digest.contains("4827"));
    }

    @Test
    void givenARotatedPepper_whenARequestIsDigested_thenTheActivePeppersDigestComesFirstAndTheFormerOnesDigestFollows() {
        HmacAesPinSecrets before = DomainFixtures.secrets(Map.of("p1", DomainFixtures.filled(32, 1)), "p1", null);
        HmacAesPinSecrets after = DomainFixtures.secrets(
                Map.of("p1", DomainFixtures.filled(32, 1), "p2", DomainFixtures.filled(32, 4)), "p2", "p1");

        List<String> digests = after.requestDigests("C-1;4827;");

        assertEquals(2, digests.size());
        assertEquals(before.requestDigests("C-1;4827;"), digests.subList(1, 2), "a request made before the rotation");
        assertNotEquals(digests.get(0), digests.get(1));
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
        HmacAesPinSecrets rotated = new HmacAesPinSecrets(Map.of("p1", DomainFixtures.filled(32, 1)), "p1", null,
                Map.of("k1", DomainFixtures.filled(32, 2), "k2", DomainFixtures.filled(32, 3)), "k2");

        Credential fresh = rotated.protect("C-1", PIN);

        assertEquals("k1", old.keyId());
        assertEquals("k2", fresh.keyId());
        assertEquals(PIN, rotated.reveal("C-1", old));
        assertTrue(rotated.matches(old, PIN), "the pepper is unchanged");
    }

    @Test
    void givenAShortKey_whenConfigured_thenItIsRefused() {
        Map<String, byte[]> peppers = Map.of("p1", DomainFixtures.filled(32, 1));
        assertThrows(IllegalArgumentException.class, () -> new HmacAesPinSecrets(peppers, "p1", null,
                Map.of("k1", DomainFixtures.filled(16, 2)), "k1"));
        assertThrows(IllegalArgumentException.class, () -> DomainFixtures.secrets(
                Map.of("p1", DomainFixtures.filled(8, 1)), "p1", null));
    }

    @Test
    void givenAnActiveOrLegacyPepperIdWithoutPepper_whenConfigured_thenItIsRefused() {
        Map<String, byte[]> peppers = Map.of("p1", DomainFixtures.filled(32, 1));

        assertThrows(IllegalArgumentException.class, () -> DomainFixtures.secrets(peppers, "p2", null));
        assertThrows(IllegalArgumentException.class, () -> DomainFixtures.secrets(peppers, "p1", "p0"));
    }

    // ---- pepper rotation ----

    @Test
    void givenAPinHashedWithTheActivePepper_whenItMatches_thenItNeedsNoNewHash() {
        Credential credential = secrets.protect("C-1", PIN);

        assertEquals("p1", credential.pepperId());
        assertEquals(Optional.empty(), secrets.rehashed(credential, PIN));
    }

    @Test
    void givenARotatedPepper_whenAPinHashedWithTheOldOneIsRehashed_thenOnlyTheNewPepperIsNeededAndTheSealStays() {
        Credential old = secrets.protect("C-1", PIN);
        HmacAesPinSecrets rotated = DomainFixtures.secrets(Map.of("p1", DomainFixtures.filled(32, 1),
                "p2", DomainFixtures.filled(32, 9)), "p2", "p1");

        assertTrue(rotated.matches(old, PIN));
        assertFalse(rotated.matches(old, new PinCode("4828")));
        Credential rehashed = rotated.rehashed(old, PIN).orElseThrow();

        assertEquals("p2", rehashed.pepperId());
        assertFalse(Arrays.equals(old.salt(), rehashed.salt()));
        assertEquals(old.keyId(), rehashed.keyId());
        assertTrue(Arrays.equals(old.ciphertext(), rehashed.ciphertext()), "the sealed PIN is not touched");
        HmacAesPinSecrets onlyNew = DomainFixtures.secrets(Map.of("p2", DomainFixtures.filled(32, 9)), "p2", null);
        assertTrue(onlyNew.matches(rehashed, PIN));
        assertFalse(onlyNew.matches(rehashed, new PinCode("4828")));
        assertEquals(Optional.empty(), onlyNew.rehashed(rehashed, PIN));
    }

    @Test
    void givenACredentialWithoutPepperId_whenChecked_thenTheLegacyPepperVerifiesItAndItIsRehashed() {
        Credential made = secrets.protect("C-1", PIN);
        Credential legacy = new Credential(made.salt(), made.hmac(), null, made.keyId(), made.nonce(), made.ciphertext());
        HmacAesPinSecrets rotated = DomainFixtures.secrets(Map.of("p1", DomainFixtures.filled(32, 1),
                "p2", DomainFixtures.filled(32, 9)), "p2", "p1");

        assertTrue(secrets.matches(legacy, PIN), "without a legacy id, the active pepper");
        assertEquals("p1", secrets.rehashed(legacy, PIN).orElseThrow().pepperId(), "stamped with its id");
        assertTrue(rotated.matches(legacy, PIN));
        assertFalse(rotated.matches(legacy, new PinCode("4828")));
        assertEquals("p2", rotated.rehashed(legacy, PIN).orElseThrow().pepperId());
    }

    @Test
    void givenAPepperNoLongerConfigured_whenChecking_thenItFailsRatherThanCountingAWrongEntry() {
        Credential old = secrets.protect("C-1", PIN);
        HmacAesPinSecrets without = DomainFixtures.secrets(Map.of("p2", DomainFixtures.filled(32, 9)), "p2", null);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> without.matches(old, PIN));
        assertTrue(failure.getMessage().contains("p1"));
    }
}
