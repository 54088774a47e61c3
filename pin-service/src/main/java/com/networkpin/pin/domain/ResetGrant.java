package com.networkpin.pin.domain;

import com.networkpin.events.IdDocument;
import com.networkpin.events.ResetGranted;
import com.networkpin.events.VisitPurpose;
import java.time.Instant;

/**
 * A shop's permission to set a new PIN for one reservation; used at most once, before it expires,
 * and only by staff of the shop that verified the holder's identity.
 *
 * @param shopId  the shop of the visit; {@code null} for a grant recorded before grants had shops,
 *                which no shop may use
 * @param staffId  who verified the identity (their token's subject)
 * @param document what they checked; {@code NOT_RECORDED} for a grant recorded before grants had it
 */
public record ResetGrant(String reservationNumber, String contractId, String shopId, String staffId,
                         IdDocument document, VisitPurpose purpose, Instant grantedAt, Instant expiresAt, Instant usedAt) {

    public static ResetGrant of(ResetGranted granted) {
        return new ResetGrant(granted.reservationNumber(), granted.contractId(), granted.shopId(), granted.staffId(),
                granted.document(), granted.purpose(), granted.grantedAt(), granted.expiresAt(), null);
    }

    /** Whether staff of {@code shop} may use it: the visit was at that shop. */
    public boolean isFor(String shop) {
        return shopId != null && shopId.equals(shop);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
