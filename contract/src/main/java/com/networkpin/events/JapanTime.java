package com.networkpin.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one zone of the whole system: its date change lifts every lock (the scheduler publishes
 * that midnight, the pin-service dates each lock by it) and its wall clock keeps the manned chat
 * and the shops' hours. Every service reads it from the same setting, {@value #ZONE_PROPERTY}
 * (default {@value #DEFAULT_ZONE_ID}), so that they cannot disagree about when a date begins.
 */
public final class JapanTime {

    /** The configuration property every service reads the zone from. */
    public static final String ZONE_PROPERTY = "network-pin.zone";
    /** Japan's zone, the default of {@value #ZONE_PROPERTY}. */
    public static final String DEFAULT_ZONE_ID = "Asia/Tokyo";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of(DEFAULT_ZONE_ID);

    private JapanTime() {
    }

    /**
     * How every REST API writes an instant: ISO-8601 with the offset the zone has then, e.g.
     * {@code 2026-12-01T00:00:00+09:00} in Japan. (Events on Kafka keep UTC: see {@link EventJson}.)
     */
    public static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** {@link #format(Instant, ZoneId)} in Japan, the default zone. */
    public static String format(Instant instant) {
        return format(instant, DEFAULT_ZONE);
    }
}
