package com.networkpin.pin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Refuses PIN keys that are missing or, in production, the published development keys. The
 * messages name the properties, never a key.
 */
public final class SecretsCheck {

    static final String PREFIX = "network-pin.pin.secrets.";

    private SecretsCheck() {
    }

    /** What is wrong with {@code secrets}; empty when they may be used. */
    public static List<String> problems(PinConfig.Secrets secrets, PinConfig.Secrets development, boolean production) {
        List<String> problems = new ArrayList<>();
        if (secrets.pepper().isEmpty()) {
            problems.add(PREFIX + "pepper is not set");
        }
        if (secrets.encryptionKeys().isEmpty()) {
            problems.add(PREFIX + "encryption-keys has no key");
        }
        if (secrets.activeKeyId().isEmpty()) {
            problems.add(PREFIX + "active-key-id is not set");
        } else if (!secrets.encryptionKeys().containsKey(secrets.activeKeyId().get())) {
            problems.add(PREFIX + "active-key-id names no key of " + PREFIX + "encryption-keys");
        }
        if (production) {
            if (secrets.pepper().isPresent() && secrets.pepper().equals(development.pepper())) {
                problems.add(PREFIX + "pepper is the development pepper");
            }
            secrets.encryptionKeys().forEach((id, key) -> {
                if (development.encryptionKeys().values().stream().anyMatch(dev -> Objects.equals(dev, key))) {
                    problems.add(PREFIX + "encryption-keys." + id + " is a development key");
                }
            });
        }
        return problems;
    }
}
