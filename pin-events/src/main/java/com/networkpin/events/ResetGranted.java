package com.networkpin.events;

import java.time.Instant;

/** A shop verified the holder's identity: the shop terminal may set a new PIN for this reservation. */
public record ResetGranted(
        String contractId,
        String reservationNumber,
        VisitPurpose purpose,
        Instant grantedAt,
        Instant expiresAt) implements PinEvent {
}
