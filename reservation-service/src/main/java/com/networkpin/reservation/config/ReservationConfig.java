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

    Admission admission();

    /**
     * Admission control of the booking path (book, cancel, reschedule, check-in): refuse early, never decide
     * late. A request that finds {@code max-in-progress} running and {@code max-waiting} waiting, or still waits
     * at its {@code deadline}, is answered 503 {@code overloaded} with Retry-After before anything is decided
     * or written for it (after its token, body and caller are checked, which reads nothing from the database).
     */
    interface Admission {

        /**
         * Booking requests running at once: a little more than the reactive pool's 20 connections, so that the
         * pool stays busy while one request's answer is written.
         */
        @WithDefault("32")
        int maxInProgress();

        /** Booking requests waiting for one of those to end; one more is refused at once. */
        @WithDefault("64")
        int maxWaiting();

        /**
         * How long a request may wait to start; past it, it is refused, never decided. Well under a client's
         * time-out (the web console's read time-out is 5 s).
         */
        @WithDefault("PT1S")
        Duration deadline();

        /** The Retry-After of the refusals. */
        @WithDefault("PT1S")
        Duration retryAfter();
    }
}
