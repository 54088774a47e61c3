package com.networkpin.reservation.store;

/** The answer to a booking request; {@code replayed} when an earlier request with the same key booked it. */
public record BookingOutcome(ReservationView reservation, boolean replayed) {
}
