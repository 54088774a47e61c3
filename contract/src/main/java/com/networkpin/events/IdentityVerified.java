package com.networkpin.events;

import java.time.Instant;

/**
 * Shop staff checked an original identity document at the visit. Lets the pin-service grant a
 * reset, which only staff of the same shop may use; {@code staffId} is the subject of the staff
 * member's token.
 */
public record IdentityVerified(
        String reservationNumber,
        String contractId,
        String shopId,
        VisitPurpose purpose,
        IdDocument document,
        String staffId,
        Instant verifiedAt) implements ReservationEvent {
}
