package com.networkpin.pin.domain;

import com.networkpin.events.PinEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of a PIN's stream with its id. {@code credential} is set only for the events that
 * store a new PIN ({@code PinSet}, {@code PinReset}) and for an {@code AttemptSucceeded} that
 * re-hashed the PIN with the active pepper; it is kept by this service and never published.
 */
public record PinChange(UUID eventId, PinEvent event, Credential credential) {

    public PinChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
    }

    public static PinChange of(PinEvent event) {
        return new PinChange(UUID.randomUUID(), event, null);
    }

    public static PinChange of(PinEvent event, Credential credential) {
        return new PinChange(UUID.randomUUID(), event, Objects.requireNonNull(credential, "credential"));
    }
}
