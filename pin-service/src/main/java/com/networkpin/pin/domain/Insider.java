package com.networkpin.pin.domain;

import java.util.Objects;

/**
 * A person who may see or change a PIN for its holder (a support agent, shop staff), as their token names
 * them: {@code id} is its subject, {@code sessionId} their sign-in session at the identity provider (its
 * {@code sid}). Both are recorded with what they did.
 */
public record Insider(String id, String sessionId) {

    public Insider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
