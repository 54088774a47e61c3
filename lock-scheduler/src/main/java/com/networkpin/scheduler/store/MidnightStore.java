package com.networkpin.scheduler.store;

import com.networkpin.events.MidnightUnlock;
import com.networkpin.eventstore.store.SqlValues;
import com.networkpin.scheduler.domain.Midnight;
import com.networkpin.scheduler.domain.Page;
import com.networkpin.scheduler.domain.PageRequest;
import com.networkpin.scheduler.domain.PublishedMidnight;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** The published midnights: one row per Japanese date, the guard of exactly-once publication. */
@ApplicationScoped
public class MidnightStore {

    private final Pool pool;

    public MidnightStore(Pool pool) {
        this.pool = pool;
    }

    /** The first Japanese date from {@code date} on whose midnight has not been published. */
    public Uni<LocalDate> firstUnpublishedFrom(LocalDate date) {
        return pool.preparedQuery("""
                        SELECT day::date FROM generate_series($1::date, $1::date + 36600, interval '1 day') AS day
                        WHERE NOT EXISTS (SELECT 1 FROM midnight WHERE midnight.date = day::date)
                        ORDER BY day LIMIT 1""")
                .execute(Tuple.of(date))
                .map(rows -> rows.iterator().next().getLocalDate(0));
    }

    /** A cheap look before claiming, so that the ticks of an already published night touch no lock. */
    public Uni<Boolean> isPublished(Midnight midnight) {
        return pool.preparedQuery("SELECT 1 FROM midnight WHERE date = $1")
                .execute(Tuple.of(midnight.date()))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Records {@code midnight} as published at {@code publishedAt}, with the number of locks due by it,
     * and returns that number; empty when the date was already claimed. A concurrent claim of the same
     * date waits for this transaction and then finds the row: only one claimant ever gets a number.
     * No conflict target: the event id, unique too, is derived from the date, and two racing claims
     * can meet on either index first.
     */
    public Uni<Optional<Long>> claim(SqlClient tx, Midnight midnight, Instant publishedAt) {
        return tx.preparedQuery("""
                        INSERT INTO midnight (date, midnight_at, event_id, published_at, pending_locks)
                        SELECT $1, $2, $3, $4, (SELECT count(*) FROM pending_lock WHERE unlocks_at <= $2)
                        ON CONFLICT DO NOTHING
                        RETURNING pending_locks""")
                .execute(Tuple.of(midnight.date(), SqlValues.utc(midnight.instant()),
                        MidnightUnlock.eventIdFor(midnight.date()), SqlValues.utc(publishedAt)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getLong(0)).findFirst());
    }

    /** Adds the {@code Unlocked(MIDNIGHT)} counts of a batch to the midnights that caused them. */
    public Uni<Void> countUnlocks(SqlClient tx, Map<UUID, Long> unlocksByMidnightEvent) {
        if (unlocksByMidnightEvent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = unlocksByMidnightEvent.entrySet().stream()
                .map(e -> Tuple.of(e.getKey(), e.getValue()))
                .toList();
        return tx.preparedQuery("UPDATE midnight SET unlocked_count = unlocked_count + $2 WHERE event_id = $1")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    public Uni<Optional<PublishedMidnight>> find(LocalDate date) {
        return pool.preparedQuery("""
                        SELECT date, midnight_at, published_at, pending_locks, unlocked_count
                        FROM midnight WHERE date = $1""")
                .execute(Tuple.of(date))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(MidnightStore::toMidnight)
                        .findFirst());
    }

    /** The latest published date's midnight, if any was published. */
    public Uni<Optional<PublishedMidnight>> latest() {
        return pool.query("""
                        SELECT date, midnight_at, published_at, pending_locks, unlocked_count
                        FROM midnight ORDER BY date DESC LIMIT 1""")
                .execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(MidnightStore::toMidnight)
                        .findFirst());
    }

    /** The history, newest date first. */
    public Uni<Page<PublishedMidnight>> page(PageRequest request) {
        Uni<Long> total = pool.query("SELECT count(*) FROM midnight").execute()
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<List<PublishedMidnight>> items = pool.preparedQuery("""
                        SELECT date, midnight_at, published_at, pending_locks, unlocked_count
                        FROM midnight ORDER BY date DESC LIMIT $1 OFFSET $2""")
                .execute(Tuple.of(request.size(), request.offset()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(MidnightStore::toMidnight).toList());
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> Page.of(both.getItem1(), request, both.getItem2()));
    }

    private static PublishedMidnight toMidnight(Row row) {
        return new PublishedMidnight(row.getLocalDate(0), row.getOffsetDateTime(1).toInstant(),
                row.getOffsetDateTime(2).toInstant(), row.getLong(3), row.getLong(4));
    }
}
