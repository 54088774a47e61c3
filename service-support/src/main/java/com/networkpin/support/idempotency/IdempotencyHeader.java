package com.networkpin.support.idempotency;

import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Idempotency-Key request header (IETF draft-ietf-httpapi-idempotency-key-header-07) as every
 * state-changing operation reads it, and the problems it answers. The draft makes the key a structured
 * field string: it is taken with or without its quotes, 1 to {@value #MAX_LENGTH} visible ASCII characters.
 */
public final class IdempotencyHeader {

    public static final String NAME = "Idempotency-Key";
    /** Marks an answer that was kept for the key, not decided again. */
    public static final String REPLAYED = "Idempotency-Replayed";
    public static final int MAX_LENGTH = 255;
    /** For the OpenAPI document of each operation that reads the header. */
    public static final String DESCRIPTION = "Optional. A unique value per request (e.g. a UUID), sent again"
            + " unchanged when the request is retried: a retry with the same key and the same request is answered"
            + " with the first answer (marked Idempotency-Replayed: true) and changes nothing; the same key with"
            + " another request is refused (422 idempotency-key-reused). A retry while the first is still being"
            + " decided waits for it. The key is scoped to the caller and the operation and kept for 24 hours"
            + " (network-pin.idempotency.retention). 1-255 visible ASCII characters.";

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    private IdempotencyHeader() {
    }

    /** The key of the header's value; empty without one; a malformed one is refused with 400. */
    public static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        if (!VALID.matcher(key).matches() || key.indexOf('"') >= 0) {
            throw new ProblemException(Problem.of(400, "idempotency-key-invalid", "Invalid Idempotency-Key",
                    "Send an Idempotency-Key of 1-" + MAX_LENGTH + " visible ASCII characters (no quotes inside),"
                            + " e.g. a UUID, unique per request and the same on its retries."));
        }
        return Optional.of(key);
    }

    /** The same key came with another request than the one it first answered. */
    public static ProblemException reused() {
        return new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request; send a new key for a new request."));
    }
}
