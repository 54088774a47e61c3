package com.networkpin.eventstore.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * A request sent with an Idempotency-Key: the key in its scope and the hash of what the request asked
 * (its path parameters and canonical body), so that the same key with another request can be told apart.
 * {@code formerHashes}: the same request's hashes under keys that made hashes before the current one (a keyed
 * hash's key rotated), which an answer stored before the rotation holds; the current hash is the one stored.
 */
public record IdempotentRequest(ScopedKey key, String requestHash, Set<String> formerHashes) {

    /** An Idempotency-Key as its caller used it for one operation; two callers' keys never meet. */
    public record ScopedKey(String caller, String operation, String key) {

        public ScopedKey {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(key, "key");
        }

        /** One fixed-length text for the key in its scope (SHA-256 of the three), for a table keyed by it alone. */
        public String digest() {
            return sha256(canonical(caller, operation, key));
        }
    }

    public IdempotentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        formerHashes = Set.copyOf(formerHashes);
    }

    /** A request whose hash was never made with another key. */
    public IdempotentRequest(ScopedKey key, String requestHash) {
        this(key, requestHash, Set.of());
    }

    /**
     * A request whose meaning is {@code parts} (path parameters, then the body's fields in a fixed
     * order), hashed with SHA-256. Never for parts that hold a secret: a short secret is found again
     * from its plain hash by trying every value.
     */
    public static IdempotentRequest of(String caller, String operation, String key, String... parts) {
        return new IdempotentRequest(new ScopedKey(caller, operation, key), sha256(canonical(parts)));
    }

    /** The parts, each prefixed with its length, so that no two lists of parts read the same. */
    public static String canonical(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            String value = part == null ? "" : part;
            text.append(part == null ? -1 : value.length()).append(':').append(value).append(';');
        }
        return text.toString();
    }

    /** Whether {@code earlier} answered this very request (not only the same key), under the current hash or a former one. */
    public boolean sameRequestAs(StoredAnswer earlier) {
        return requestHash.equals(earlier.requestHash()) || formerHashes.contains(earlier.requestHash());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
