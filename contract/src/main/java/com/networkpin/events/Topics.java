package com.networkpin.events;

import java.util.Map;

/**
 * Kafka topic names. Each service publishes to its own topic, and only it may (the brokers' ACLs);
 * consumers subscribe by name.
 */
public final class Topics {

    public static final String PIN_EVENTS = "pin-events";
    public static final String MIDNIGHT_UNLOCKS = "midnight-unlocks";
    public static final String RESERVATION_EVENTS = "reservation-events";

    private static final String DEAD_LETTER_SUFFIX = ".dead-letter";
    private static final Map<String, String> OWNERS = Map.of(
            PIN_EVENTS, "pin-service",
            MIDNIGHT_UNLOCKS, "lock-scheduler",
            RESERVATION_EVENTS, "reservation-service");

    private Topics() {
    }

    /** The service that publishes the topic's events: the one principal allowed to write it. */
    public static String owner(String topic) {
        String owner = OWNERS.get(topic);
        if (owner == null) {
            throw new IllegalArgumentException("no service owns topic " + topic);
        }
        return owner;
    }

    /** Where a consumer group puts messages it cannot parse, so it can keep consuming. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
