package com.networkpin.pin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

    private static final Secrets DEVELOPMENT = new Secrets(Optional.of("dev-pepper"), Map.of("dev-1", "dev-key"),
            Optional.of("dev-1"));

    record Secrets(Optional<String> pepper, Map<String, String> encryptionKeys, Optional<String> activeKeyId)
            implements PinConfig.Secrets {
    }

    @Test
    void givenTheDevelopmentKeys_whenStartingInProduction_thenItRefusesNamingThePropertiesOnly() {
        List<String> problems = SecretsCheck.problems(DEVELOPMENT, DEVELOPMENT, true);

        assertEquals(List.of("network-pin.pin.secrets.pepper is the development pepper",
                "network-pin.pin.secrets.encryption-keys.dev-1 is a development key"), problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains("dev-key") || p.contains("dev-pepper")));
    }

    @Test
    void givenTheDevelopmentKeys_whenStartingInDevOrTest_thenTheyAreAccepted() {
        assertEquals(List.of(), SecretsCheck.problems(DEVELOPMENT, DEVELOPMENT, false));
    }

    @Test
    void givenMissingKeys_whenStarting_thenItRefusesInEveryProfile() {
        Secrets missing = new Secrets(Optional.empty(), Map.of(), Optional.empty());

        assertEquals(3, SecretsCheck.problems(missing, DEVELOPMENT, false).size());
        assertEquals(3, SecretsCheck.problems(missing, DEVELOPMENT, true).size());
    }

    @Test
    void givenOwnKeysWithAnActiveIdThatHasNoKey_whenStartingInProduction_thenItRefuses() {
        Secrets own = new Secrets(Optional.of("prod-pepper"), Map.of("p-1", "prod-key"), Optional.of("p-2"));

        assertEquals(List.of("network-pin.pin.secrets.active-key-id names no key of network-pin.pin.secrets.encryption-keys"),
                SecretsCheck.problems(own, DEVELOPMENT, true));
        assertEquals(List.of(), SecretsCheck.problems(
                new Secrets(own.pepper(), own.encryptionKeys(), Optional.of("p-1")), DEVELOPMENT, true));
    }
}
