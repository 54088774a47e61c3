package com.networkpin.reservation.domain;

/** Where a reservation stands. Booked and checked-in reservations are active: they hold their purpose. */
public enum ReservationStatus {
    BOOKED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

    public boolean isActive() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
