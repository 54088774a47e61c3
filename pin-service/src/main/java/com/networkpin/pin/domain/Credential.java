package com.networkpin.pin.domain;

import java.util.Objects;

/**
 * How a PIN is kept: a salted keyed hash to verify it, and an authenticated encryption, under the
 * key {@code keyId}, that only the support disclosure opens. Neither reveals the PIN without the
 * service's keys.
 */
public record Credential(byte[] salt, byte[] hmac, String keyId, byte[] nonce, byte[] ciphertext) {

    public Credential {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hmac, "hmac");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }
}
