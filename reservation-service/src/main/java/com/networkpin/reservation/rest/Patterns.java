package com.networkpin.reservation.rest;

/** Shapes of identifiers in requests. */
final class Patterns {

    static final String CONTRACT_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    static final String CONTRACT_ID_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";

    private Patterns() {
    }
}
