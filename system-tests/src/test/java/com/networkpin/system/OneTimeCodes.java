package com.networkpin.system;

import com.networkpin.localinfra.DemoOtp;
import com.networkpin.localinfra.Totp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-time codes of the people the browser tests log in: the demo staff's from the development realm, the
 * others' from the secret Keycloak's set-up page showed at their first login (in this test JVM, whose Keycloak
 * this is). Keycloak accepts a person's code once: a second login within the same 30 s step waits for the next.
 */
final class OneTimeCodes {

    private static final Map<String, byte[]> KEYS = new HashMap<>();
    private static final Map<String, Long> LAST_STEP = new HashMap<>();

    private OneTimeCodes() {
    }

    /** Remembers the key of the code {@code username} has just set up. */
    static synchronized void setUp(String username, byte[] key) {
        KEYS.put(username, key);
    }

    /** A code of {@code username} that Keycloak has not seen yet. */
    static synchronized String next(String username) {
        byte[] key = key(username);
        long step = Totp.step(Instant.now());
        while (step <= LAST_STEP.getOrDefault(username, Long.MIN_VALUE)) {
            sleep();
            step = Totp.step(Instant.now());
        }
        LAST_STEP.put(username, step);
        return Totp.code(key, step);
    }

    /** A code that is not {@code username}'s at the moment (theirs plus one). */
    static synchronized String wrong(String username) {
        byte[] key = key(username);
        int right = Integer.parseInt(Totp.code(key, Totp.step(Instant.now())));
        return String.format(java.util.Locale.ROOT, "%06d", (right + 1) % 1_000_000);
    }

    private static byte[] key(String username) {
        return KEYS.computeIfAbsent(username, name -> DemoOtp.key(name).orElseThrow(() -> new AssertionError(
                name + " has set up no one-time code in this run and the development realm gives them none")));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the next one-time code", e);
        }
    }
}
