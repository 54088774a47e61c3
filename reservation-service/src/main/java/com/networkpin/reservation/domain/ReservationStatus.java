package com.networkpin.reservation.domain;

/**
 * Where a reservation stands. Only a booking still to come is active and holds its purpose: a
 * checked-in visit may never see a PIN reset (an OTHER visit), and must not block the next booking.
 */
public enum ReservationStatus {
    BOOKED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

    public boolean isActive() {
        return this == BOOKED;
    }
}
