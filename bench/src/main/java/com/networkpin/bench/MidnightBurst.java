package com.networkpin.bench;

import com.networkpin.launcher.DemoClocks;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.PostgresServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;

/**
 * P3: many locked PINs, then midnight (the scheduler's demo clock is moved past it, and the other
 * services' clocks follow to the same instant): how long
 * until every lock is lifted in the pin-service, gone from the scheduler's pending locks, and
 * lifted in the reservation-service's projection. Each is watched by counting in that service's
 * own database, read-only.
 */
final class MidnightBurst implements AutoCloseable {

    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Map<StackService, String> STILL_LOCKED = Map.of(
            StackService.PIN_SERVICE, "SELECT count(*) FROM pin_state WHERE status = 'LOCKED'",
            StackService.LOCK_SCHEDULER, "SELECT count(*) FROM pending_lock",
            StackService.RESERVATION_SERVICE, "SELECT count(*) FROM contract_pin_lock WHERE locked_until IS NOT NULL");

    /** Seconds from moving the clock until each service shows no lock, and how many were lifted. */
    record Result(long locked, Map<StackService, Double> seconds) {
    }

    private final Map<StackService, ServiceDatabase> databases = new EnumMap<>(StackService.class);

    MidnightBurst(PostgresServer postgres) {
        for (StackService service : StackService.backends()) {
            databases.put(service, new ServiceDatabase(postgres, service));
        }
    }

    /**
     * Locks contracts 0..n-1 through the pin-service's REST API, three wrong PINs each (in three
     * rounds over all contracts, so that no two requests queue on one PIN).
     */
    void lockThroughApi(int n, IntFunction<String> contract, int clients) {
        PinRequests pins = new PinRequests();
        Load.Result wrong = Load.closedLoopCount(clients, 3 * n,
                i -> pins.verification(contract.apply(i % n), Scenarios.WRONG_PIN));
        if (wrong.errors() > 0) {
            throw new IllegalStateException(wrong.errors() + " wrong PINs were not answered 200");
        }
    }

    /** Waits until both projections show every lock the pin-service holds; returns how many that is. */
    long awaitProjected(Duration timeout) {
        long locked = stillLocked(StackService.PIN_SERVICE);
        awaitAll(count -> count == locked, timeout);
        return locked;
    }

    /** {@link ContractCopies#check} against this burst's look into each service's database. */
    void checkCopy(ContractCopies copies, String copy, String other) {
        copies.check(copy, other, databases);
    }

    /** Moves the scheduler's clock past midnight and times each service until it shows no lock. */
    Result midnight(Duration timeout) {
        long locked = stillLocked(StackService.PIN_SERVICE);
        long begin = System.nanoTime();
        // The pin-service lifts a midnight only once its own clock reaches it: every service's clock moves together.
        DemoClocks.Moved clocks = new DemoClocks(new Http().as(Principals.actors().operator())).nextMidnight();
        Http.Reply moved = clocks.scheduler();
        if (moved.status() != 200 || moved.body().path("published").isNull()) {
            throw new IllegalStateException("no MidnightUnlock published: " + moved.status() + " " + moved.rawBody());
        }
        if (clocks.pinService().status() != 200) {
            throw new IllegalStateException("the pin-service's clock did not move: " + clocks.pinService().rawBody());
        }
        Map<StackService, Double> seconds = new EnumMap<>(StackService.class);
        long deadline = begin + timeout.toNanos();
        while (seconds.size() < databases.size() && System.nanoTime() < deadline) {
            for (StackService service : databases.keySet()) {
                if (!seconds.containsKey(service) && stillLocked(service) == 0) {
                    seconds.put(service, (System.nanoTime() - begin) / 1e9);
                }
            }
            Load.sleep(POLL_EVERY);
        }
        if (seconds.size() < databases.size()) {
            throw new IllegalStateException("locks still shown after " + timeout.toSeconds() + " s: " + seconds);
        }
        return new Result(locked, seconds);
    }

    private void awaitAll(LongPredicate done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (StackService service : databases.keySet()) {
            while (!done.test(stillLocked(service))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.moduleName() + " shows " + stillLocked(service)
                            + " locks, not all, after " + timeout.toSeconds() + " s");
                }
                Load.sleep(POLL_EVERY);
            }
        }
    }

    private long stillLocked(StackService service) {
        return databases.get(service).count(STILL_LOCKED.get(service));
    }

    @Override
    public void close() {
        databases.values().forEach(ServiceDatabase::close);
    }
}
