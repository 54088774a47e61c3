package com.networkpin.pin.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256(pepper, salt || PIN) with a random 16-byte salt per PIN for verification, and
 * AES-256-GCM with a random 12-byte nonce and the contract id as associated data for disclosure.
 * New PINs are sealed with the active key; older key ids stay readable while they are configured.
 */
public final class HmacAesPinSecrets implements PinSecrets {

    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec pepper;
    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public HmacAesPinSecrets(byte[] pepper, Map<String, byte[]> encryptionKeys, String activeKeyId) {
        if (pepper.length < 32) {
            throw new IllegalArgumentException("the pepper must be at least 32 bytes");
        }
        encryptionKeys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("encryption key " + id + " is not 32 bytes (AES-256)");
            }
        });
        if (!encryptionKeys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key id " + activeKeyId + " has no key");
        }
        this.pepper = new SecretKeySpec(pepper, "HmacSHA256");
        this.keys = encryptionKeys.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
        this.activeKeyId = activeKeyId;
    }

    @Override
    public Credential protect(String contractId, PinCode pin) {
        byte[] salt = randomBytes(SALT_BYTES);
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(contractId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(pin.digits().getBytes(StandardCharsets.US_ASCII));
            return new Credential(salt, hmac(salt, pin), activeKeyId, nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a PIN: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean matches(Credential credential, PinCode attempt) {
        return MessageDigest.isEqual(credential.hmac(), hmac(credential.salt(), attempt));
    }

    @Override
    public PinCode reveal(String contractId, Credential credential) {
        SecretKeySpec key = keys.get(credential.keyId());
        if (key == null) {
            throw new IllegalStateException("no encryption key configured for key id " + credential.keyId());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, credential.nonce()));
            cipher.updateAAD(contractId.getBytes(StandardCharsets.UTF_8));
            return new PinCode(new String(cipher.doFinal(credential.ciphertext()), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // No cause: the exception must not carry anything derived from the ciphertext.
            throw new IllegalStateException("the sealed PIN of this contract cannot be opened: "
                    + e.getClass().getSimpleName());
        }
    }

    private byte[] hmac(byte[] salt, PinCode pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            mac.update(salt);
            return mac.doFinal(pin.digits().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
