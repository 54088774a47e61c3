package com.networkpin.events;

import java.time.ZoneId;

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
}
