package com.networkpin.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sizes of a run. The defaults are the issue's; {@code --smoke} makes every figure tiny (the
 * build runs that so the benchmark cannot rot); {@code --million} locks a million PINs for P3, of which
 * {@code apiLockedPins} through the REST API and the rest as SQL copies ({@link ContractCopies}).
 * {@code lagContracts} is how many PINs P5 locks during its load. PostgreSQL is durable (fsync and
 * synchronous_commit on, as in production) unless {@code --non-durable} turns both off.
 * {@code --only=P1,P4} measures only those figures (P6, start-up, is always measured; P1 includes P1c
 * and the ceilings), to look at one figure again in a few minutes.
 */
record BenchOptions(int contracts, int lockedPins, int apiLockedPins, Duration step, int openLoopRate, int bookings, int lagContracts,
                    boolean smoke, boolean durable, Set<String> only) {

    private static final String ONLY = "--only=";

    static BenchOptions parse(List<String> args) {
        boolean durable = !args.contains("--non-durable");
        Set<String> only = args.stream().filter(arg -> arg.startsWith(ONLY))
                .flatMap(arg -> Stream.of(arg.substring(ONLY.length()).split(",")))
                .map(figure -> figure.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (args.contains("--smoke")) {
            return new BenchOptions(200, 100, 20, Duration.ofSeconds(1), 100, 50, 5, true, durable, only);
        }
        int locked = args.contains("--million") ? 1_000_000 : 100_000;
        return new BenchOptions(100_000, locked, 1_000, Duration.ofSeconds(10), 1_000, 1_000, 200, false, durable, only);
    }

    /** Whether this run measures the figure {@code id} (e.g. "P1"). */
    boolean measures(String id) {
        return only.isEmpty() || only.contains(id);
    }

    /** P1, P2, P5 and P7 verify the seeded contracts; P3 sets what it needs itself. */
    boolean seedsContracts() {
        return measures("P1") || measures("P2") || measures("P5") || measures("P7") || measures("P7F");
    }
}
