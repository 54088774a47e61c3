package com.networkpin.pin.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

    private static final String PREFIX = "network-pin.pin.secrets.";
    /** The development secrets as application.properties publishes them. */
    private static final Secrets DEVELOPMENT = developmentSecrets();
    private static final String DEV_PEPPER = DEVELOPMENT.peppers().get("dev-1");
    private static final String DEV_KEY = DEVELOPMENT.encryptionKeys().get("dev-1");

    record Secrets(Map<String, String> peppers, Optional<String> activePepperId, Optional<String> legacyPepperId,
                   Optional<String> pepper, Map<String, String> encryptionKeys, Optional<String> activeKeyId)
            implements PinConfig.Secrets {

        static Secrets of(String pepper, String key) {
            return new Secrets(Map.of("p-1", pepper), Optional.of("p-1"), Optional.empty(), Optional.empty(),
                    Map.of("k-1", key), Optional.of("k-1"));
        }
    }

    @Test
    void givenTheDevelopmentSecrets_whenStartingInProduction_thenItRefusesNamingThePropertiesOnly() {
        List<String> problems = SecretsCheck.problems(DEVELOPMENT, DEVELOPMENT, true);

        assertEquals(List.of(PREFIX + "encryption-keys.dev-1 is a development key",
                PREFIX + "encryption-keys.dev-2 is a development key",
                PREFIX + "peppers.dev-1 is a development key"), sorted(problems));
        assertTrue(problems.stream().noneMatch(p -> p.contains(DEV_PEPPER) || p.contains(DEV_KEY)));
    }

    @Test
    void givenTheDevelopmentPepperWithoutItsPadding_whenStartingInProduction_thenItIsStillRefused() {
        assertTrue(DEV_PEPPER.endsWith("="));
        String unpadded = DEV_PEPPER.replace("=", "");

        assertEquals(List.of(PREFIX + "peppers.p-1 is a development key"),
                SecretsCheck.problems(Secrets.of(unpadded, randomKey()), DEVELOPMENT, true));
        assertEquals(List.of(PREFIX + "peppers.p-1 is a development key"),
                SecretsCheck.problems(Secrets.of(DEV_PEPPER + "=", randomKey()), DEVELOPMENT, true));
    }

    @Test
    void givenADevelopmentKeyReEncoded_whenStartingInProduction_thenItIsStillRefused() {
        byte[] devKey = Base64.getDecoder().decode(DEV_KEY);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(devKey);
        String mime = Base64.getMimeEncoder().encodeToString(devKey) + "\n";

        for (String reEncoded : List.of(urlSafe, mime)) {
            assertEquals(List.of(PREFIX + "encryption-keys.k-1 is a development key"),
                    SecretsCheck.problems(Secrets.of(randomKey(), reEncoded), DEVELOPMENT, true), reEncoded);
        }
        assertEquals(List.of(PREFIX + "peppers.p-1 is a development key"),
                SecretsCheck.problems(Secrets.of(urlSafe, randomKey()), DEVELOPMENT, true),
                "a development encryption key is no pepper either");
        assertArrayEquals(devKey, SecretsCheck.decode(urlSafe));
    }

    @Test
    void givenRandomKeys_whenStartingInProduction_thenTheyAreAccepted() {
        assertEquals(List.of(), SecretsCheck.problems(Secrets.of(randomKey(), randomKey()), DEVELOPMENT, true));
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(randomKey()));
        assertEquals(List.of(), SecretsCheck.problems(Secrets.of(urlSafe, randomKey()), DEVELOPMENT, true));
    }

    @Test
    void givenTheDevelopmentSecrets_whenStartingInDevOrTest_thenTheyAreAccepted() {
        assertEquals(List.of(), SecretsCheck.problems(DEVELOPMENT, DEVELOPMENT, false));
    }

    @Test
    void givenMissingKeys_whenStarting_thenItRefusesInEveryProfile() {
        Secrets missing = new Secrets(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty());
        List<String> expected = List.of(PREFIX + "active-key-id is not set", PREFIX + "active-pepper-id is not set",
                PREFIX + "encryption-keys has no key", PREFIX + "peppers has no key");

        assertEquals(expected, sorted(SecretsCheck.problems(missing, DEVELOPMENT, false)));
        assertEquals(expected, sorted(SecretsCheck.problems(missing, DEVELOPMENT, true)));
    }

    @Test
    void givenActiveIdsThatNameNoKey_whenStarting_thenItRefuses() {
        Secrets own = Secrets.of(randomKey(), randomKey());

        assertEquals(List.of(PREFIX + "active-pepper-id names no key of " + PREFIX + "peppers"),
                SecretsCheck.problems(new Secrets(own.peppers(), Optional.of("p-2"), Optional.empty(),
                        Optional.empty(), own.encryptionKeys(), own.activeKeyId()), DEVELOPMENT, true));
        assertEquals(List.of(PREFIX + "active-key-id names no key of " + PREFIX + "encryption-keys"),
                SecretsCheck.problems(new Secrets(own.peppers(), own.activePepperId(), Optional.empty(),
                        Optional.empty(), own.encryptionKeys(), Optional.of("k-2")), DEVELOPMENT, true));
    }

    @Test
    void givenSeveralPeppers_whenStarting_thenTheLegacyPepperIdMustNameOneOfThem() {
        Map<String, String> peppers = Map.of("a", randomKey(), "b", randomKey());
        Secrets own = Secrets.of(randomKey(), randomKey());

        assertEquals(List.of(PREFIX + "legacy-pepper-id is not set: with more than one pepper it must name the "
                        + "pepper of the PINs stored before peppers had ids"),
                SecretsCheck.problems(rotation(peppers, own, Optional.empty()), DEVELOPMENT, true));
        assertEquals(List.of(PREFIX + "legacy-pepper-id names no pepper of " + PREFIX + "peppers"),
                SecretsCheck.problems(rotation(peppers, own, Optional.of("c")), DEVELOPMENT, true));
        assertEquals(List.of(), SecretsCheck.problems(rotation(peppers, own, Optional.of("a")), DEVELOPMENT, true));
    }

    @Test
    void givenUnusableKeysOrTheOldPepperProperty_whenStarting_thenItRefusesNamingThePropertiesOnly() {
        String shortPepper = Base64.getEncoder().encodeToString(new byte[31]);
        String longKey = Base64.getEncoder().encodeToString(new byte[33]);
        Secrets unusable = new Secrets(Map.of("p-1", shortPepper), Optional.of("p-1"), Optional.empty(),
                Optional.of(DEV_PEPPER), Map.of("k-1", "not base64!", "k-2", longKey), Optional.of("k-1"));

        List<String> problems = SecretsCheck.problems(unusable, DEVELOPMENT, false);

        assertEquals(List.of(PREFIX + "encryption-keys.k-1 is not base64", PREFIX + "encryption-keys.k-2 is not 32 bytes",
                PREFIX + "pepper is no longer read: set it as " + PREFIX + "peppers.<id> with " + PREFIX
                        + "active-pepper-id=<id>",
                PREFIX + "peppers.p-1 is shorter than 32 bytes"), sorted(problems));
        assertTrue(problems.stream().noneMatch(p -> p.contains(DEV_PEPPER) || p.contains(shortPepper)));
        assertThrows(IllegalArgumentException.class, () -> SecretsCheck.decode("not base64!"));
    }

    private static Secrets rotation(Map<String, String> peppers, Secrets own, Optional<String> legacy) {
        return new Secrets(peppers, Optional.of("b"), legacy, Optional.empty(), own.encryptionKeys(), own.activeKeyId());
    }

    private static List<String> sorted(List<String> problems) {
        return problems.stream().sorted().toList();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Secrets developmentSecrets() {
        Properties properties = new Properties();
        try (InputStream in = SecretsCheckTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String prefix = "network-pin.pin.development-secrets.";
        return new Secrets(
                Map.of("dev-1", properties.getProperty(prefix + "peppers.dev-1")),
                Optional.of(properties.getProperty(prefix + "active-pepper-id")), Optional.empty(), Optional.empty(),
                Map.of("dev-1", properties.getProperty(prefix + "encryption-keys.dev-1"),
                        "dev-2", properties.getProperty(prefix + "encryption-keys.dev-2")),
                Optional.of(properties.getProperty(prefix + "active-key-id")));
    }
}
