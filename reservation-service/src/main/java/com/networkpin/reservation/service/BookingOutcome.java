package com.networkpin.reservation.service;

import com.networkpin.reservation.rest.ReservationView;

/** The answer to a booking request; {@code replayed} when an earlier request with the same key booked it. */
public record BookingOutcome(ReservationView reservation, boolean replayed) {
}
