package com.networkpin.scheduler.store;

import com.networkpin.eventstore.store.SqlValues;
import com.networkpin.scheduler.domain.LockChanges;
import com.networkpin.scheduler.domain.Page;
import com.networkpin.scheduler.domain.PageRequest;
import com.networkpin.scheduler.domain.PendingLock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The pending locks, as projected from the PIN topic. */
@ApplicationScoped
public class PendingLockStore {

    private static final String COLUMNS = "contract_id, locked_at, unlocks_at";

    private final Pool pool;

    public PendingLockStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Writes a batch's changes in the caller's transaction: first the contracts' stream positions, which
     * let through only the contracts whose deciding event is newer (by stream sequence) than the one
     * applied before; then one batched upsert and one delete for those. A late, older event changes
     * nothing, even after the lock it would resurrect was deleted.
     */
    public Uni<Void> apply(SqlClient tx, LockChanges changes) {
        return advance(tx, changes.sequences()).map(changes::onlyFor)
                .chain(newer -> upsert(tx, newer.locked().values()).chain(() -> delete(tx, newer.lifted())));
    }

    /** Holds every writer of the projection (the live consumer) back until the caller's transaction ends; reads go on. */
    public Uni<Void> holdWriters(SqlClient tx) {
        return tx.query("LOCK TABLE pending_lock, pin_stream_position IN EXCLUSIVE MODE").execute().replaceWithVoid();
    }

    /** Empties the projection and its stream positions, in the caller's transaction (a rebuild's first write). */
    public Uni<Void> clear(SqlClient tx) {
        return tx.query("DELETE FROM pending_lock").execute()
                .chain(() -> tx.query("DELETE FROM pin_stream_position").execute())
                .replaceWithVoid();
    }

    /** The contracts whose recorded stream position moved forward to the given sequence. */
    private static Uni<Set<String>> advance(SqlClient tx, Map<String, Long> sequences) {
        if (sequences.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> contracts = List.copyOf(sequences.keySet());
        return tx.preparedQuery("""
                        INSERT INTO pin_stream_position AS p (contract_id, sequence)
                        SELECT * FROM unnest($1::text[], $2::bigint[])
                        ON CONFLICT (contract_id) DO UPDATE SET sequence = EXCLUDED.sequence
                        WHERE p.sequence < EXCLUDED.sequence
                        RETURNING contract_id""")
                .execute(Tuple.of(contracts.toArray(String[]::new),
                        contracts.stream().map(sequences::get).toArray(Long[]::new)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0))
                        .collect(Collectors.toSet()));
    }

    private static Uni<Void> upsert(SqlClient tx, Collection<PendingLock> locks) {
        if (locks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = locks.stream()
                .map(l -> Tuple.of(l.contractId(), SqlValues.utc(l.lockedAt()), SqlValues.utc(l.unlocksAt())))
                .toList();
        return tx.preparedQuery("INSERT INTO pending_lock (" + COLUMNS + ") VALUES ($1, $2, $3)"
                        + " ON CONFLICT (contract_id) DO UPDATE"
                        + " SET locked_at = EXCLUDED.locked_at, unlocks_at = EXCLUDED.unlocks_at")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    private static Uni<Void> delete(SqlClient tx, Set<String> contractIds) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("DELETE FROM pending_lock WHERE contract_id = ANY($1)")
                .execute(Tuple.of(contractIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Optional<PendingLock>> find(String contractId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM pending_lock WHERE contract_id = $1")
                .execute(Tuple.of(contractId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PendingLockStore::toLock).findFirst());
    }

    /** How many locks are pending, and how many of them lift by a midnight. */
    public record Counts(long pending, long dueByMidnight) {
    }

    public Uni<Counts> count(Instant midnight) {
        return pool.preparedQuery("SELECT count(*), count(*) FILTER (WHERE unlocks_at <= $1) FROM pending_lock")
                .execute(Tuple.of(SqlValues.utc(midnight)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Counts(row.getLong(0), row.getLong(1));
                });
    }

    /** Locks in the order they lift, then by contract, so pages are stable. */
    public Uni<Page<PendingLock>> page(PageRequest request) {
        Uni<Long> total = pool.query("SELECT count(*) FROM pending_lock").execute()
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<List<PendingLock>> items = pool.preparedQuery("SELECT " + COLUMNS + " FROM pending_lock"
                        + " ORDER BY unlocks_at, contract_id LIMIT $1 OFFSET $2")
                .execute(Tuple.of(request.size(), request.offset()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PendingLockStore::toLock).toList());
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> Page.of(both.getItem1(), request, both.getItem2()));
    }

    /** How many locks lift at or before {@code midnight}. */
    public Uni<Long> countDueBy(Instant midnight) {
        return pool.preparedQuery("SELECT count(*) FROM pending_lock WHERE unlocks_at <= $1")
                .execute(Tuple.of(SqlValues.utc(midnight)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static PendingLock toLock(Row row) {
        return new PendingLock(row.getString(0), row.getOffsetDateTime(1).toInstant(),
                row.getOffsetDateTime(2).toInstant());
    }
}
