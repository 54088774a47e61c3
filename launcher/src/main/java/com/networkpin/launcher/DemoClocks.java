package com.networkpin.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Moves the whole system's time in a demo: the lock-scheduler's clock jumps past the next midnight
 * (and publishes it); the pin-service's and the reservation-service's clocks follow to the same
 * instant. The pin-service applies a midnight only once its own clock has reached it, and a shop's
 * reset grant is dated by the reservation-service's clock, so the three move together. Every call
 * is the operator's, to a demo-only endpoint (404 in production).
 */
public final class DemoClocks {

    private final Http operator;

    public DemoClocks(Http operator) {
        this.operator = operator;
    }

    /** The scheduler's answer to the jump ({@code now}, {@code published}), and how far the system is now ahead of real time. */
    public record Moved(Http.Reply scheduler, Http.Reply pinService, Http.Reply reservationService, Duration ahead) {
    }

    /** Jumps past the next midnight not yet published, then moves the other services' clocks there. */
    public Moved nextMidnight() {
        Http.Reply scheduler = operator.post(StackService.LOCK_SCHEDULER.url() + "/admin/clock/next-midnight", null);
        if (scheduler.status() != 200) {
            return new Moved(scheduler, null, null, Duration.ZERO);
        }
        return follow(scheduler, Instant.parse(scheduler.text("now")));
    }

    /** Moves the pin-service's and the reservation-service's clocks forward to {@code instant} (never back). */
    public Moved follow(Http.Reply scheduler, Instant instant) {
        Map<String, String> body = Map.of("now", instant.toString());
        Http.Reply pin = operator.post(StackService.PIN_SERVICE.url() + "/admin/clock", body);
        Http.Reply reservation = operator.post(StackService.RESERVATION_SERVICE.url() + "/admin/clock", body);
        Duration ahead = reservation.status() == 200
                ? Duration.between(Instant.now(), Instant.parse(reservation.text("now"))) : Duration.ZERO;
        return new Moved(scheduler, pin, reservation, ahead);
    }
}
