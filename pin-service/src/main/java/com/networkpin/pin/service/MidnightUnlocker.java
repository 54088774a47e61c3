package com.networkpin.pin.service;

import com.networkpin.events.MidnightUnlock;
import com.networkpin.eventstore.store.EventStore.StreamAppend;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.pin.config.PinConfig;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinStatus;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.PinStates.LockedPin;
import com.networkpin.pin.store.PinStates;
import com.networkpin.pin.store.ReceivedMidnights;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Lifts every lock due by a midnight, set-based, in lanes side by side (each on its own share of the
 * contracts, so they never wait on each other): each transaction takes the lane's next chunk of locked
 * PINs in contract order, locks their streams, and appends the chunk's Unlocked events and writes
 * its snapshots with one statement per table ({@link EventStore#appendAll}). After a crash the run
 * is simply repeated: a lifted lock is no longer selected.
 *
 * <p>One sweep at a time per instance: the MidnightUnlock consumer, the periodic {@link UnlockSweep} and
 * the demo clock all ask for one, and two at once would take the same chunks, each waiting on the other's
 * stream locks to find them already lifted. A sweep asked for while one runs is the next one: it starts
 * when the running one ends (so it sees every midnight received before it was asked for), and every
 * caller that comes meanwhile shares it.
 */
@ApplicationScoped
public class MidnightUnlocker {

    private static final Logger LOG = Logger.getLogger(MidnightUnlocker.class);

    private final Transactions transactions;
    private final EventStore eventStore;
    private final PinStates states;
    private final Pool pool;
    private final Clock clock;
    private final PinPolicy policy;
    private final ReceivedMidnights received;
    private final int chunkSize;
    private final int lanes;
    private final Duration tolerance;
    private final PinMetrics metrics;
    private final Object sweeps = new Object();
    /** The sweep running now and the one asked for since, or null; guarded by {@link #sweeps}. */
    private CompletableFuture<Long> running;
    private CompletableFuture<Long> next;

    public MidnightUnlocker(Transactions transactions, EventStore eventStore, PinStates states, Pool pool, Clock clock,
                            PinPolicy policy, ReceivedMidnights received, PinConfig config, PinMetrics metrics) {
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.states = states;
        this.pool = pool;
        this.clock = clock;
        this.policy = policy;
        this.received = received;
        this.chunkSize = config.midnightUnlockChunk();
        this.lanes = config.midnightUnlockLanes();
        this.tolerance = config.midnightTolerance();
        this.metrics = metrics;
    }

    /** Remembers an announced midnight (it may be ahead of this clock: then the sweep applies it once due). */
    public Uni<Void> receive(UUID midnightUnlockId, MidnightUnlock unlock) {
        Duration ahead = Duration.between(clock.instant(), unlock.midnight());
        if (ahead.compareTo(tolerance) > 0) {
            LOG.warnf("MidnightUnlock %s (%s) is %s ahead of this clock: held until it is due", midnightUnlockId,
                    unlock.midnight(), ahead);
        }
        return received.record(pool, midnightUnlockId, unlock);
    }

    /**
     * Lifts every lock due by the latest received midnight, but never one due more than the tolerance
     * after this clock: the bound is min(latest received midnight, now + tolerance). Each lock names as
     * its cause the first received midnight at or after its unlock time (its own date's, unless the
     * scheduler published only a later catch-up date). Returns how many were unlocked. Runs after the
     * sweep running now, if any (see above).
     */
    public Uni<Long> sweep() {
        // A copy per caller: a caller that cancels must not cancel the sweep others share.
        return Uni.createFrom().completionStage(() -> joinSweep().thenApply(Function.identity()));
    }

    private CompletableFuture<Long> joinSweep() {
        CompletableFuture<Long> sweep;
        boolean start = false;
        synchronized (sweeps) {
            if (running == null) {
                running = new CompletableFuture<>();
                sweep = running;
                start = true;
            } else {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                sweep = next;
            }
        }
        if (start) {
            run(sweep);
        }
        return sweep;
    }

    private void run(CompletableFuture<Long> sweep) {
        Uni.createFrom().deferred(this::sweepNow).subscribe().with(sweep::complete, sweep::completeExceptionally);
        sweep.whenComplete((unlocked, failure) -> {
            CompletableFuture<Long> following;
            synchronized (sweeps) {
                following = next;
                next = null;
                running = following;
            }
            if (following != null) {
                run(following);
            }
        });
    }

    private Uni<Long> sweepNow() {
        Instant reached = clock.instant().plus(tolerance);
        return received.all(pool).chain(midnights -> {
            if (midnights.isEmpty()) {
                return Uni.createFrom().item(0L);
            }
            Instant latest = midnights.lastKey();
            return unlockDue(midnights, latest.isAfter(reached) ? reached : latest);
        });
    }

    /** Unlocks every PIN locked until {@code midnight} or earlier, naming {@code midnightUnlockId}. */
    public Uni<Long> unlockDue(UUID midnightUnlockId, Instant midnight) {
        return unlockDue(new TreeMap<>(Map.of(midnight, midnightUnlockId)), midnight);
    }

    private Uni<Long> unlockDue(NavigableMap<Instant, UUID> causes, Instant bound) {
        long started = System.nanoTime();
        List<Uni<Long>> perLane = IntStream.range(0, lanes)
                .mapToObj(lane -> unlockFrom(lane, "", causes, bound, 0L)).toList();
        return Uni.combine().all().unis(perLane).with(Long.class, totals -> totals.stream().mapToLong(Long::longValue).sum())
                .invoke(total -> {
            if (total > 0) {
                LOG.infof("locks due by %s: %d PINs unlocked in %d ms", bound, total,
                        (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private Uni<Long> unlockFrom(int lane, String after, NavigableMap<Instant, UUID> causes, Instant bound,
                                 long total) {
        return transactions.inTransaction(tx -> unlockChunk(tx, lane, after, causes, bound))
                .invoke(chunk -> metrics.unlockedAtMidnight(chunk.unlocked()))
                .chain(chunk -> chunk.selected() < chunkSize
                        ? Uni.createFrom().item(total + chunk.unlocked())
                        : unlockFrom(lane, chunk.lastContractId(), causes, bound, total + chunk.unlocked()));
    }

    private record Chunk(int selected, int unlocked, String lastContractId) {
    }

    private Uni<Chunk> unlockChunk(SqlClient tx, int lane, String after, NavigableMap<Instant, UUID> causes,
                                   Instant bound) {
        return states.lockedDueAfter(tx, bound, after, chunkSize, lane, lanes).chain(selected -> {
            if (selected.isEmpty()) {
                return Uni.createFrom().item(new Chunk(0, 0, after));
            }
            String last = selected.get(selected.size() - 1);
            return lockedUnderStreamLocks(tx, selected, bound)
                    .call(due -> unlock(tx, due, causes, bound))
                    .map(due -> new Chunk(selected.size(), due.size(), last));
        });
    }

    /**
     * Locks the streams, then reads the snapshots again: a writer may have reset or unlocked a PIN
     * meanwhile. A snapshot behind its stream is left to the next command, which replays the stream.
     */
    private Uni<List<LockedPin>> lockedUnderStreamLocks(SqlClient tx, List<String> contractIds, Instant bound) {
        return eventStore.lockAll(tx, contractIds).chain(versions -> states.lockedDueAmong(tx, contractIds, bound)
                .map(due -> due.stream()
                        .filter(pin -> versions.getOrDefault(pin.contractId(), -1L) == pin.version())
                        .toList()));
    }

    private Uni<Void> unlock(SqlClient tx, List<LockedPin> due, NavigableMap<Instant, UUID> causes, Instant bound) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        List<StreamAppend> appends = due.stream().map(pin -> new StreamAppend(pin.contractId(), pin.version(),
                PinEventCodec.toNewEvents(unlockedAtMidnight(pin, causes, bound, now), pin.version(), now))).toList();
        return eventStore.appendAll(tx, appends)
                .chain(() -> states.saveUnlocked(tx, due.stream().map(LockedPin::contractId).toList()));
    }

    private List<PinChange> unlockedAtMidnight(LockedPin pin, NavigableMap<Instant, UUID> causes, Instant bound,
                                               Instant now) {
        Pin locked = new Pin(pin.contractId(), pin.version(), PinStatus.LOCKED, 0, null, pin.unlocksAt(), null, null, 0);
        return locked.unlockAtMidnight(causeOf(causes, pin.unlocksAt()), bound, now);
    }

    /** The first received midnight at or after the lock's unlock time; else the MidnightUnlock of its date. */
    private UUID causeOf(NavigableMap<Instant, UUID> causes, Instant unlocksAt) {
        Map.Entry<Instant, UUID> first = causes.ceilingEntry(unlocksAt);
        return first != null ? first.getValue() : MidnightUnlock.eventIdFor(policy.dateOf(unlocksAt));
    }
}
