package com.networkpin.reservation.service;

/** An Idempotency-Key came back with a different request body than the one it booked. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was used for a different booking request.", null, false, false);
    }
}
