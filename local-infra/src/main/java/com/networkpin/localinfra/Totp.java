package com.networkpin.localinfra;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238) as the realm's OTP policy makes them: HMAC-SHA1, 6 digits, a 30 s step,
 * so that tests and {@code ./stack otp} can log in a person whose second factor Keycloak asks for.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    private static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The time step {@code at} falls in: the counter of RFC 6238. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of {@code step} for the shared secret {@code key}, zero-padded to six digits. */
    public static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = (ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff) % 1_000_000;
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
    }

    /**
     * The key of a secret written in Base32 (RFC 4648), as authenticator apps take it and Keycloak's set-up page
     * shows it; spaces and lower case are accepted, padding is optional.
     */
    public static byte[] base32(String secret) {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : secret.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                key.write(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return key.toByteArray();
    }
}
