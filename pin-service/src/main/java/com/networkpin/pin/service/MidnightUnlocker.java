package com.networkpin.pin.service;

import com.networkpin.eventstore.NewEvent;
import com.networkpin.eventstore.Outbox;
import com.networkpin.eventstore.Transactions;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.pin.config.PinConfig;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinStatus;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.ReceivedMidnights;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Lifts every lock due by a midnight, set-based: each transaction takes the next chunk of locked
 * PINs in contract order, locks their streams, and writes the chunk's Unlocked events, outbox
 * rows, stream versions and snapshots with one batched statement per table. The rows are the ones
 * {@code EventStore.append} would write. After a crash the run is simply repeated: a lifted lock
 * is no longer selected.
 */
@ApplicationScoped
public class MidnightUnlocker {

    private static final Logger LOG = Logger.getLogger(MidnightUnlocker.class);

    private final Transactions transactions;
    private final Outbox outbox;
    private final Pool pool;
    private final Clock clock;
    private final PinPolicy policy;
    private final ReceivedMidnights received;
    private final int chunkSize;
    private final Duration tolerance;

    public MidnightUnlocker(Transactions transactions, Outbox outbox, Pool pool, Clock clock, PinPolicy policy,
                            ReceivedMidnights received, PinConfig config) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.pool = pool;
        this.clock = clock;
        this.policy = policy;
        this.received = received;
        this.chunkSize = config.midnightUnlockChunk();
        this.tolerance = config.midnightTolerance();
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
     * scheduler published only a later catch-up date). Returns how many were unlocked.
     */
    public Uni<Long> sweep() {
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
        return unlockFrom("", causes, bound, 0L).invoke(total -> {
            if (total > 0) {
                LOG.infof("locks due by %s: %d PINs unlocked in %d ms", bound, total,
                        (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private Uni<Long> unlockFrom(String after, NavigableMap<Instant, UUID> cause, Instant midnight, long total) {
        return transactions.inTransaction(tx -> unlockChunk(tx, after, cause, midnight))
                .chain(chunk -> chunk.selected() < chunkSize
                        ? Uni.createFrom().item(total + chunk.unlocked())
                        : unlockFrom(chunk.lastContractId(), cause, midnight, total + chunk.unlocked()));
    }

    private record Chunk(int selected, int unlocked, String lastContractId) {
    }

    private record Due(String contractId, long version, Instant unlocksAt) {
    }

    private Uni<Chunk> unlockChunk(SqlClient tx, String after, NavigableMap<Instant, UUID> cause, Instant midnight) {
        return tx.preparedQuery("""
                        SELECT s.stream_id FROM pin_state p JOIN es_stream s ON s.stream_id = p.contract_id
                        WHERE p.status = 'LOCKED' AND p.unlocks_at <= $1 AND p.contract_id > $2
                        ORDER BY p.contract_id LIMIT $3 FOR UPDATE OF s""")
                .execute(Tuple.of(midnight.atOffset(ZoneOffset.UTC), after, chunkSize))
                .chain(rows -> {
                    List<String> locked = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> locked.add(row.getString(0)));
                    if (locked.isEmpty()) {
                        return Uni.createFrom().item(new Chunk(0, 0, after));
                    }
                    String last = locked.get(locked.size() - 1);
                    // Re-read under the stream locks: a writer may have reset or unlocked one meanwhile.
                    return dueAmong(tx, locked, midnight).chain(due -> unlock(tx, due, cause, midnight)
                            .replaceWith(new Chunk(locked.size(), due.size(), last)));
                });
    }

    private Uni<List<Due>> dueAmong(SqlClient tx, List<String> contractIds, Instant midnight) {
        return tx.preparedQuery("""
                        SELECT p.contract_id, p.version, p.unlocks_at FROM pin_state p
                        JOIN es_stream s ON s.stream_id = p.contract_id AND s.version = p.version
                        WHERE p.contract_id = ANY($1) AND p.status = 'LOCKED' AND p.unlocks_at <= $2""")
                .execute(Tuple.of(contractIds.toArray(String[]::new), midnight.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Due> due = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        due.add(new Due(row.getString(0), row.getLong(1), row.getOffsetDateTime(2).toInstant()));
                    }
                    return due;
                });
    }

    private Uni<Void> unlock(SqlClient tx, List<Due> due, NavigableMap<Instant, UUID> causes, Instant midnight) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        List<NewEvent> events = new ArrayList<>(due.size());
        EventColumns columns = new EventColumns(due.size());
        for (Due d : due) {
            Pin locked = new Pin(d.contractId(), d.version(), PinStatus.LOCKED, 0, null, d.unlocksAt(), null, null, 0);
            for (PinChange change : locked.unlockAtMidnight(causeOf(causes, d.unlocksAt()), midnight, now)) {
                NewEvent event = PinEventCodec.toNewEvent(change, d.version() + 1, now);
                events.add(event);
                columns.add(d.contractId(), d.version() + 1, event);
            }
        }
        String[] contractIds = due.stream().map(Due::contractId).toArray(String[]::new);
        // One statement per table for the whole chunk: the events go in as column arrays (unnest), which
        // costs the server far less than one INSERT execution per row.
        return tx.preparedQuery("UPDATE es_stream SET version = version + 1 WHERE stream_id = ANY($1)")
                .execute(Tuple.of(contractIds))
                .chain(() -> tx.preparedQuery("""
                                INSERT INTO es_event (stream_id, version, event_id, event_type, occurred_at, data)
                                SELECT stream_id, version, event_id, event_type, occurred_at, data::jsonb
                                FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::timestamptz[],
                                            $6::text[]) AS e (stream_id, version, event_id, event_type, occurred_at, data)""")
                        .execute(columns.toTuple()))
                .chain(() -> outbox.enqueue(tx, events.stream().flatMap(e -> e.publication().stream()).toList()))
                .chain(() -> tx.preparedQuery("""
                                UPDATE pin_state SET version = version + 1, status = 'ACTIVE', consecutive_failures = 0,
                                    locked_at = NULL, unlocks_at = NULL
                                WHERE contract_id = ANY($1)""")
                        .execute(Tuple.of(contractIds)))
                .replaceWithVoid();
    }

    /** The first received midnight at or after the lock's unlock time; else the MidnightUnlock of its date. */
    private UUID causeOf(NavigableMap<Instant, UUID> causes, Instant unlocksAt) {
        Map.Entry<Instant, UUID> first = causes.ceilingEntry(unlocksAt);
        return first != null ? first.getValue() : MidnightUnlock.eventIdFor(policy.dateOf(unlocksAt));
    }

    /** The es_event rows of a chunk, column by column, for one {@code unnest} insert. */
    private static final class EventColumns {

        private final List<String> streamIds;
        private final List<Long> versions;
        private final List<UUID> eventIds;
        private final List<String> types;
        private final List<OffsetDateTime> occurredAt;
        private final List<String> data;

        EventColumns(int size) {
            streamIds = new ArrayList<>(size);
            versions = new ArrayList<>(size);
            eventIds = new ArrayList<>(size);
            types = new ArrayList<>(size);
            occurredAt = new ArrayList<>(size);
            data = new ArrayList<>(size);
        }

        void add(String streamId, long version, NewEvent event) {
            streamIds.add(streamId);
            versions.add(version);
            eventIds.add(event.eventId());
            types.add(event.type());
            occurredAt.add(event.occurredAt().atOffset(ZoneOffset.UTC));
            data.add(event.data());
        }

        Tuple toTuple() {
            return Tuple.of(streamIds.toArray(String[]::new), versions.toArray(Long[]::new),
                    eventIds.toArray(UUID[]::new), types.toArray(String[]::new),
                    occurredAt.toArray(OffsetDateTime[]::new), data.toArray(String[]::new));
        }
    }
}
