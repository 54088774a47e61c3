package com.networkpin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with its base clock but can be moved: tests and demos cross midnight in Japan
 * without waiting for it. Production code only ever sees it as a {@link Clock}.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /** Moves the clock so that it now reads {@code instant}, then keeps running from there. */
    public Instant moveTo(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
        return instant;
    }

    /**
     * Moves the clock to {@code instant} unless it already reads later: a demo moves every service's
     * clock to the same instant without ever sending one back. Returns where the clock now stands.
     */
    public Instant moveForwardTo(Instant instant) {
        offset.accumulateAndGet(Duration.between(base.instant(), instant), (current, wanted) ->
                wanted.compareTo(current) > 0 ? wanted : current);
        return instant();
    }

    public Instant advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
        return instant();
    }

    /** Back to the base clock's time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset); // shares the offset: moves together
    }
}
