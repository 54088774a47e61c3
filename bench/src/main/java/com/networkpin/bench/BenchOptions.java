package com.networkpin.bench;

import java.time.Duration;
import java.util.List;

/**
 * Sizes of a run. The defaults are the issue's; {@code --smoke} makes every figure tiny (the
 * build runs that so the benchmark cannot rot); {@code --million} locks a million PINs for P3.
 * {@code lagContracts} is how many PINs P5 locks during its load. PostgreSQL is durable (fsync and
 * synchronous_commit on, as in production) unless {@code --non-durable} turns both off.
 */
record BenchOptions(int contracts, int lockedPins, Duration step, int openLoopRate, int bookings, int lagContracts,
                    boolean smoke, boolean durable) {

    static BenchOptions parse(List<String> args) {
        boolean durable = !args.contains("--non-durable");
        if (args.contains("--smoke")) {
            return new BenchOptions(200, 100, Duration.ofSeconds(1), 100, 50, 5, true, durable);
        }
        int locked = args.contains("--million") ? 1_000_000 : 100_000;
        return new BenchOptions(100_000, locked, Duration.ofSeconds(10), 1_000, 1_000, 200, false, durable);
    }
}
