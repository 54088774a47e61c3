package com.networkpin.events;

/** Kafka topic names. Each service publishes to its own topic; consumers subscribe by name. */
public final class Topics {

    public static final String PIN_EVENTS = "pin-events";
    public static final String MIDNIGHT_UNLOCKS = "midnight-unlocks";
    public static final String RESERVATION_EVENTS = "reservation-events";

    private static final String DEAD_LETTER_SUFFIX = ".dead-letter";

    private Topics() {
    }

    /** Where a consumer group puts messages it cannot parse, so it can keep consuming. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
