package com.networkpin.support;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * What the services' demo clock endpoints ({@code POST /admin/clock}, operator only, where the demo
 * clock is enabled) share: a demo moves every service's clock to the instant the lock-scheduler's
 * clock jumped to, so that the whole system crosses midnight together.
 */
public final class DemoClock {

    private DemoClock() {
    }

    /** The instant to move to; a clock that reads later stays where it is. */
    public record Move(@NotNull Instant now) {
    }

    /** Where the clock stands after the move. */
    public record Moved(Instant now) {
    }

    /** Moves {@code clock} forward to the requested instant, or refuses as an unknown path when disabled. */
    public static Moved move(boolean enabled, MovableClock clock, Move move) {
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not Found", "Not Found."));
        }
        return new Moved(clock.moveForwardTo(move.now()));
    }
}
