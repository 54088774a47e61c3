package com.networkpin.events;

import java.time.Instant;

/**
 * A shop verified the holder's identity: a terminal of that shop ({@code shopId}) may set a new PIN
 * for this reservation. {@code staffId} is who verified the identity, {@code document} what they checked.
 */
public record ResetGranted(
        String contractId,
        String reservationNumber,
        String shopId,
        String staffId,
        IdDocument document,
        VisitPurpose purpose,
        Instant grantedAt,
        Instant expiresAt) implements PinEvent {
}
