package com.networkpin.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The second factor of the development realm's demo people: the OTP credential that
 * {@code identity/realm/development-layer.json} gives the demo staff (agent1, staff1, staff2, operator1), its
 * Base32 secret public like their password. People added later set theirs up at their first login.
 */
public final class DemoOtp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoOtp() {
    }

    /** The key of {@code username}'s one-time codes, if the realm file gives them an OTP credential. */
    public static Optional<byte[]> key(String username) {
        for (JsonNode user : realm().path("users")) {
            if (!username.equals(user.path("username").asText())) {
                continue;
            }
            for (JsonNode credential : user.path("credentials")) {
                if ("otp".equals(credential.path("type").asText())) {
                    String secret = read(credential.path("secretData").asText()).path("value").asText();
                    // As Keycloak reads it: Base32 when the credential says so, else the secret's UTF-8 bytes.
                    boolean base32 = "BASE32".equalsIgnoreCase(
                            read(credential.path("credentialData").asText()).path("secretEncoding").asText());
                    return Optional.of(base32 ? Totp.base32(secret) : secret.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    /** The code {@code username} enters at {@code now}. */
    public static String code(String username, Instant now) {
        byte[] key = key(username).orElseThrow(() -> new IllegalArgumentException(
                username + " has no second factor in the development realm (its demo staff have: agent1, staff1,"
                        + " staff2, operator1)"));
        return Totp.code(key, Totp.step(now));
    }

    private static JsonNode realm() {
        try (InputStream in = KeycloakServer.realmFile()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("an OTP credential of the realm file is not JSON", e);
        }
    }
}
