package com.networkpin.support;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of a service. Code injects {@link Clock}; tests and the demo-only operator
 * endpoints inject {@link MovableClock} to move the same instance.
 *
 * <p>{@code network-pin.clock.start-at} (tests and demos only) starts the clock at another
 * instant: a restarted process can then resume a moved time, e.g. a scheduler brought back
 * "after midnight".
 */
@Singleton
public class Clocks {

    private final MovableClock clock = new MovableClock(Clock.systemUTC());

    public Clocks(@ConfigProperty(name = "network-pin.clock.start-at") Optional<Instant> startAt) {
        startAt.ifPresent(clock::moveTo);
    }

    @Produces
    @Singleton
    @Typed(MovableClock.class)
    MovableClock movableClock() {
        return clock;
    }

    @Produces
    @Singleton
    @Typed(Clock.class)
    Clock clock() {
        return clock;
    }
}
