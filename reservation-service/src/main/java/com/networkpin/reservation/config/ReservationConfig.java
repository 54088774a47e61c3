package com.networkpin.reservation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "network-pin.reservation")
public interface ReservationConfig {

    /** The furthest Japan date that can be booked, in days from today. */
    @WithDefault("30")
    int maxDaysAhead();

    /** A booking nobody checked in for becomes a no-show this long after its slot ends. */
    @WithDefault("PT15M")
    Duration noShowGrace();

    NoShowJob noShowJob();

    interface NoShowJob {
        /** How often the job looks for no-shows (a Quarkus scheduler period, or "off"). */
        @WithDefault("1m")
        String every();

        /** The most bookings one run marks; the next run takes the rest. */
        @WithDefault("200")
        int batchSize();
    }

    IdempotencyKeys idempotencyKeys();

    interface IdempotencyKeys {
        /**
         * How long a booking's Idempotency-Key is remembered: a client retrying (a double click, a
         * reload, a gateway's retry) within it gets the first answer; after it the key is forgotten.
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often keys past the retention are deleted (a Quarkus scheduler period, or "off"). */
        @WithDefault("1h")
        String purgeEvery();
    }
}
