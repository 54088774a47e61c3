package com.networkpin.reservation.store;

import com.networkpin.events.VisitPurpose;
import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.domain.ReservationStatus;
import java.time.Instant;

/** A row of the reservation read model. */
public record ReservationRecord(String number, String contractId, String shopId, Instant start, VisitPurpose purpose,
                                int feeJpy, ReservationStatus status, String idDocument, String checkedInBy,
                                Instant bookedAt, Instant updatedAt) {

    public Reservation toReservation() {
        return new Reservation(number, contractId, shopId, start, purpose, feeJpy, status);
    }
}
