package com.networkpin.reservation;

import com.networkpin.support.MovableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

/**
 * For tests that move the service's clock (to a visit's date, past a slot's end) instead of waiting:
 * the clock is back on real time after each test, so the next one starts from today.
 */
public abstract class MovesTheClock {

    @Inject
    protected MovableClock clock;

    @AfterEach
    protected void resetClock() {
        clock.reset();
    }
}
