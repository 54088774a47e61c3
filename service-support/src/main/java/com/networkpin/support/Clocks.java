package com.networkpin.support;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of a service. Code injects {@link Clock}; tests and the demo-only operator
 * endpoints inject {@link MovableClock} to move the same instance.
 */
@Singleton
public class Clocks {

    private final MovableClock clock = new MovableClock(Clock.systemUTC());

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
