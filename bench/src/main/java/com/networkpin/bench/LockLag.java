package com.networkpin.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * P5: how long after a {@code Locked} event is appended the reservation-service's projection
 * shows the lock. Contracts are locked one by one (three wrong PINs) while the caller runs its
 * load; a poller looks at the projection every few milliseconds. The lag runs from the event's
 * {@code occurredAt} (the projection keeps it as {@code as_of}; taken by the pin-service just
 * before its commit) to the first poll that sees the row.
 */
final class LockLag {

    private static final Duration POLL_EVERY = Duration.ofMillis(5);
    private static final String LOCKED_AMONG = """
            SELECT contract_id, as_of FROM contract_pin_lock
            WHERE contract_id = ANY(?) AND locked_until IS NOT NULL""";

    private final PinRequests pins;
    private final ServiceDatabase reservations;
    private final List<String> contracts;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Histogram lagMicros = new Histogram(3);
    private volatile boolean locking = true;

    LockLag(PinRequests pins, ServiceDatabase reservations, List<String> contracts) {
        this.pins = pins;
        this.reservations = reservations;
        this.contracts = contracts;
    }

    /** Locks every contract, spread evenly over {@code spread}, and measures each one's lag. */
    Histogram measure(Duration spread, Duration timeout) {
        Thread locker = new Thread(() -> lockAll(spread), "lock-lag-locker");
        locker.start();
        long deadline = System.nanoTime() + spread.plus(timeout).toNanos();
        while ((locking || !waiting.isEmpty()) && System.nanoTime() < deadline) {
            poll();
            Load.sleep(POLL_EVERY);
        }
        Load.join(locker);
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " locks never reached the reservation-service's projection");
        }
        return lagMicros;
    }

    private void lockAll(Duration spread) {
        long interval = spread.toNanos() / contracts.size();
        long begin = System.nanoTime();
        for (int i = 0; i < contracts.size(); i++) {
            long wait = begin + i * interval - System.nanoTime();
            if (wait > 0) {
                Load.sleep(Duration.ofNanos(wait));
            }
            String contract = contracts.get(i);
            for (int attempt = 0; attempt < 3; attempt++) {
                JsonRequest wrong = pins.verification(contract, Scenarios.WRONG_PIN);
                int status = Load.status(wrong);
                if (status != 200) {
                    throw new IllegalStateException("wrong PIN for " + contract + " answered " + status);
                }
            }
            waiting.add(contract);
        }
        locking = false;
    }

    private void poll() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Instant> seen = reservations.instantsOf(LOCKED_AMONG, Set.copyOf(waiting));
        Instant now = Instant.now();
        seen.forEach((contract, lockedAt) -> {
            lagMicros.recordValue(Math.max(0, Duration.between(lockedAt, now).toNanos() / 1_000));
            waiting.remove(contract);
        });
    }
}
