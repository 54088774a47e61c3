package com.networkpin.pin.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256(pepper, salt || PIN) with a random 16-byte salt per PIN for verification, and
 * AES-256-GCM with a random 12-byte nonce and the contract id as associated data for disclosure.
 * Peppers and encryption keys have ids: new PINs are hashed with the active pepper and sealed with
 * the active key; older ids stay usable while they are configured, so a rotation locks no one out.
 * A credential without a pepper id (stored before peppers had ids) was hashed with the legacy pepper.
 */
public final class HmacAesPinSecrets implements PinSecrets {

    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Keeps a request digest apart from any PIN hash made with the same pepper. */
    private static final byte[] REQUEST_DIGEST_CONTEXT = "network-pin idempotent request\0".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, SecretKeySpec> peppers;
    private final String activePepperId;
    private final String legacyPepperId;
    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param peppers        pepper id -> HMAC key of at least 32 bytes
     * @param legacyPepperId the pepper of credentials without a pepper id; null: the active pepper
     * @param encryptionKeys key id -> 32-byte AES key
     */
    public HmacAesPinSecrets(Map<String, byte[]> peppers, String activePepperId, String legacyPepperId,
                             Map<String, byte[]> encryptionKeys, String activeKeyId) {
        this.peppers = keyring(peppers, activePepperId, "pepper", "HmacSHA256", length -> length >= 32,
                "is shorter than 32 bytes");
        this.activePepperId = activePepperId;
        this.legacyPepperId = legacyPepperId == null ? activePepperId : legacyPepperId;
        if (!peppers.containsKey(this.legacyPepperId)) {
            throw new IllegalArgumentException("the legacy pepper id " + legacyPepperId + " has no pepper");
        }
        this.keys = keyring(encryptionKeys, activeKeyId, "encryption key", "AES", length -> length == 32,
                "is not 32 bytes (AES-256)");
        this.activeKeyId = activeKeyId;
    }

    private static Map<String, SecretKeySpec> keyring(Map<String, byte[]> keys, String activeId, String what,
                                                      String algorithm, IntPredicate validLength, String invalid) {
        keys.forEach((id, key) -> {
            if (!validLength.test(key.length)) {
                throw new IllegalArgumentException(what + " " + id + " " + invalid);
            }
        });
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("the active " + what + " id " + activeId + " has no " + what);
        }
        return keys.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), algorithm)));
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
            return new Credential(salt, hmac(activePepperId, salt, pin), activePepperId, activeKeyId, nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a PIN: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean matches(Credential credential, PinCode attempt) {
        return MessageDigest.isEqual(credential.hmac(), hmac(pepperIdOf(credential), credential.salt(), attempt));
    }

    @Override
    public Optional<Credential> rehashed(Credential credential, PinCode pin) {
        if (activePepperId.equals(credential.pepperId())) {
            return Optional.empty();
        }
        byte[] salt = randomBytes(SALT_BYTES);
        return Optional.of(credential.withHash(salt, hmac(activePepperId, salt, pin), activePepperId));
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

    @Override
    public List<String> requestDigests(String canonicalRequest) {
        List<String> digests = new ArrayList<>(peppers.size());
        digests.add(requestDigest(activePepperId, canonicalRequest));
        peppers.keySet().stream().filter(id -> !id.equals(activePepperId)).sorted()
                .forEach(id -> digests.add(requestDigest(id, canonicalRequest)));
        return List.copyOf(digests);
    }

    private String requestDigest(String pepperId, String canonicalRequest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(peppers.get(pepperId));
            mac.update(REQUEST_DIGEST_CONTEXT);
            return HexFormat.of().formatHex(mac.doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }

    private String pepperIdOf(Credential credential) {
        return credential.pepperId() == null ? legacyPepperId : credential.pepperId();
    }

    private byte[] hmac(String pepperId, byte[] salt, PinCode pin) {
        SecretKeySpec pepper = peppers.get(pepperId);
        if (pepper == null) {
            // Not a mismatch: counting it as a wrong entry would lock out the PIN's holder.
            throw new IllegalStateException("no pepper configured for pepper id " + pepperId);
        }
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
