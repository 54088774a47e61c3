package com.networkpin.reservation.service;

/** No reservation has this number. */
public class ReservationNotFound extends RuntimeException {

    public ReservationNotFound(String number) {
        super("No reservation " + number + ".", null, false, false);
    }
}
