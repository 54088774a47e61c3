package com.networkpin.pin.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A command the rules do not allow. The detail is written by the domain and never contains a PIN;
 * {@code retryAt}, when present, is when the same command may succeed (next manned opening, next day).
 */
public class PinRefused extends RuntimeException {

    private final RefusalReason reason;
    private final transient Instant retryAt;

    public PinRefused(RefusalReason reason, String detail) {
        this(reason, detail, null);
    }

    public PinRefused(RefusalReason reason, String detail, Instant retryAt) {
        super(detail, null, false, false);
        this.reason = reason;
        this.retryAt = retryAt;
    }

    public RefusalReason reason() {
        return reason;
    }

    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /**
     * Whether the same command may succeed later as it stands (a grant still to come, the chat to open,
     * the next day's disclosures): such a refusal is no final answer to a request.
     */
    public boolean retryable() {
        return retryAt != null || reason == RefusalReason.GRANT_NOT_RECEIVED;
    }
}
