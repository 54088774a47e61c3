package com.networkpin.scheduler.messaging;

/** Reactive-messaging channel names; their topics are set in application.properties. */
public final class Channels {

    /** Subscribed to {@link com.networkpin.events.Topics#PIN_EVENTS}. */
    public static final String PIN_EVENTS = "pin-events-in";

    private Channels() {
    }
}
