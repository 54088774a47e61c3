package com.networkpin.pin.domain;

import com.networkpin.events.ResetGranted;
import com.networkpin.events.VisitPurpose;
import java.time.Instant;

/** A shop's permission to set a new PIN for one reservation; used at most once, before it expires. */
public record ResetGrant(String reservationNumber, String contractId, VisitPurpose purpose, Instant grantedAt,
                         Instant expiresAt, Instant usedAt) {

    public static ResetGrant of(ResetGranted granted) {
        return new ResetGrant(granted.reservationNumber(), granted.contractId(), granted.purpose(),
                granted.grantedAt(), granted.expiresAt(), null);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
