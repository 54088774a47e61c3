package com.networkpin.pin.domain;

import java.util.Objects;

/**
 * How a PIN is kept: a salted keyed hash to verify it, made with the pepper {@code pepperId}, and an
 * authenticated encryption, under the key {@code keyId}, that only the support disclosure opens.
 * Neither reveals the PIN without the service's keys.
 *
 * @param pepperId the pepper of {@code hmac}; null for a credential stored before peppers had ids,
 *                 which {@link PinSecrets} verifies with its legacy pepper
 */
public record Credential(byte[] salt, byte[] hmac, String pepperId, String keyId, byte[] nonce, byte[] ciphertext) {

    public Credential {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hmac, "hmac");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** The same sealed PIN with another hash, e.g. made with the active pepper. */
    public Credential withHash(byte[] newSalt, byte[] newHmac, String newPepperId) {
        return new Credential(newSalt, newHmac, Objects.requireNonNull(newPepperId, "newPepperId"), keyId, nonce,
                ciphertext);
    }
}
