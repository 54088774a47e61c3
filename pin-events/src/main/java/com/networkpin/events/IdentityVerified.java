package com.networkpin.events;

import java.time.Instant;

/** Shop staff checked an original identity document at the visit. Lets the pin-service grant a reset. */
public record IdentityVerified(
        String reservationNumber,
        String contractId,
        VisitPurpose purpose,
        IdDocument document,
        String staffId,
        Instant verifiedAt) implements ReservationEvent {
}
