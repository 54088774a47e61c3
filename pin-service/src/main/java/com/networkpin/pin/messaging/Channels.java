package com.networkpin.pin.messaging;

/** Incoming channel names (their topics are set in application.properties) and inbox consumer names. */
public final class Channels {

    public static final String MIDNIGHT_UNLOCKS = "midnight-unlocks-in";
    public static final String RESERVATION_EVENTS = "reservation-events-in";

    static final String MIDNIGHT_UNLOCK_CONSUMER = "pin-service.midnight-unlocks";
    static final String RESERVATION_CONSUMER = "pin-service.reservation-events";

    private Channels() {
    }
}
