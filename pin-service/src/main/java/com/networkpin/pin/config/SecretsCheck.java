package com.networkpin.pin.config;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * Refuses PIN keys that are missing, unusable or, in production, one of the published development
 * keys. Keys are compared as the bytes they decode to, so another spelling of a development key
 * (without padding, URL-safe alphabet) is refused too. The messages name the properties, never a key.
 */
public final class SecretsCheck {

    static final String PREFIX = "network-pin.pin.secrets.";

    private SecretsCheck() {
    }

    /**
     * The bytes of a base64 key, in the standard or the URL-safe alphabet, padded or not.
     *
     * @throws IllegalArgumentException if it is not base64
     */
    public static byte[] decode(String base64) {
        String text = base64.strip().replaceAll("=+$", "");
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    }

    /** What is wrong with {@code secrets}; empty when they may be used. */
    public static List<String> problems(PinConfig.Secrets secrets, PinConfig.Secrets development, boolean production) {
        List<String> problems = new ArrayList<>();
        if (secrets.pepper().isPresent()) {
            problems.add(PREFIX + "pepper is no longer read: set it as " + PREFIX + "peppers.<id> with "
                    + PREFIX + "active-pepper-id=<id>");
        }
        checkKeyring(secrets.peppers(), secrets.activePepperId(), "peppers", "active-pepper-id",
                length -> length >= 32, "is shorter than 32 bytes", problems);
        secrets.legacyPepperId().ifPresentOrElse(legacy -> {
            if (!secrets.peppers().containsKey(legacy)) {
                problems.add(PREFIX + "legacy-pepper-id names no pepper of " + PREFIX + "peppers");
            }
        }, () -> {
            if (secrets.peppers().size() > 1) {
                problems.add(PREFIX + "legacy-pepper-id is not set: with more than one pepper it must name the "
                        + "pepper of the PINs stored before peppers had ids");
            }
        });
        checkKeyring(secrets.encryptionKeys(), secrets.activeKeyId(), "encryption-keys", "active-key-id",
                length -> length == 32, "is not 32 bytes", problems);
        if (production) {
            List<byte[]> developmentKeys = Stream.of(development.peppers(), development.encryptionKeys())
                    .flatMap(keys -> keys.values().stream())
                    .flatMap(key -> decoded(key).stream())
                    .toList();
            refuseDevelopmentKeys(secrets.peppers(), "peppers", developmentKeys, problems);
            refuseDevelopmentKeys(secrets.encryptionKeys(), "encryption-keys", developmentKeys, problems);
        }
        return problems;
    }

    private static void checkKeyring(Map<String, String> keys, Optional<String> activeId, String name,
                                     String activeName, IntPredicate validLength, String invalid,
                                     List<String> problems) {
        if (keys.isEmpty()) {
            problems.add(PREFIX + name + " has no key");
        }
        keys.forEach((id, key) -> decoded(key).ifPresentOrElse(bytes -> {
            if (!validLength.test(bytes.length)) {
                problems.add(PREFIX + name + "." + id + " " + invalid);
            }
        }, () -> problems.add(PREFIX + name + "." + id + " is not base64")));
        if (activeId.isEmpty()) {
            problems.add(PREFIX + activeName + " is not set");
        } else if (!keys.containsKey(activeId.get())) {
            problems.add(PREFIX + activeName + " names no key of " + PREFIX + name);
        }
    }

    private static void refuseDevelopmentKeys(Map<String, String> keys, String name, List<byte[]> developmentKeys,
                                              List<String> problems) {
        keys.forEach((id, key) -> decoded(key).ifPresent(bytes -> {
            if (developmentKeys.stream().anyMatch(dev -> MessageDigest.isEqual(dev, bytes))) {
                problems.add(PREFIX + name + "." + id + " is a development key");
            }
        }));
    }

    private static Optional<byte[]> decoded(String base64) {
        try {
            return Optional.of(decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
