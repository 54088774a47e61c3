package com.networkpin.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Append-only event streams. Every method takes the caller's transaction: an append, its outbox
 * messages and whatever read model the caller updates commit or roll back together.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Outbox outbox;

    public EventStore(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Locks the stream against other writers until the transaction ends and returns its version
     * (0 for a stream that does not exist yet). Writers that lock first never conflict, except two
     * that create the same new stream at once.
     */
    public Uni<Long> lock(SqlClient tx, String streamId) {
        return tx.preparedQuery("SELECT version FROM es_stream WHERE stream_id = $1 FOR UPDATE")
                .execute(Tuple.of(streamId))
                .map(rows -> rows.rowCount() == 0 ? 0L : rows.iterator().next().getLong(0));
    }

    /** The events of a stream after {@code afterVersion} (0 for all), in order. */
    public Uni<List<StoredEvent>> load(SqlClient tx, String streamId, long afterVersion) {
        return tx.preparedQuery("""
                        SELECT version, event_id, event_type, occurred_at, data::text FROM es_event
                        WHERE stream_id = $1 AND version > $2 ORDER BY version""")
                .execute(Tuple.of(streamId, afterVersion))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> toStoredEvent(streamId, row))
                        .toList());
    }

    /**
     * Appends events after {@code expectedVersion} and queues their publications in the outbox.
     * Fails with {@link ConcurrencyConflict} when the stream has moved on.
     */
    public Uni<Void> append(SqlClient tx, String streamId, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long newVersion = expectedVersion + events.size();
        return advance(tx, streamId, expectedVersion, newVersion)
                .chain(() -> insertEvents(tx, streamId, expectedVersion, events))
                .chain(() -> outbox.enqueue(tx, events.stream().flatMap(e -> e.publication().stream()).toList()))
                .onFailure(EventStore::isConflict).transform(ConcurrencyConflict::new);
    }

    private Uni<Void> advance(SqlClient tx, String streamId, long expectedVersion, long newVersion) {
        Uni<Integer> updated = expectedVersion == 0
                ? tx.preparedQuery("INSERT INTO es_stream (stream_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(streamId, newVersion)).map(rows -> rows.rowCount())
                : tx.preparedQuery("UPDATE es_stream SET version = $3 WHERE stream_id = $1 AND version = $2")
                        .execute(Tuple.of(streamId, expectedVersion, newVersion)).map(rows -> rows.rowCount());
        return updated.invoke(count -> {
            if (count != 1) {
                throw new ConcurrencyConflict(streamId, expectedVersion);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> insertEvents(SqlClient tx, String streamId, long expectedVersion, List<NewEvent> events) {
        List<Tuple> batch = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (NewEvent event : events) {
            batch.add(Tuple.from(List.of(streamId, ++version, event.eventId(), event.type(),
                    event.occurredAt().atOffset(ZoneOffset.UTC), event.data())));
        }
        return tx.preparedQuery("""
                        INSERT INTO es_event (stream_id, version, event_id, event_type, occurred_at, data)
                        VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)""")
                .executeBatch(batch)
                .replaceWithVoid();
    }

    private static StoredEvent toStoredEvent(String streamId, Row row) {
        return new StoredEvent(streamId, row.getLong(0), row.getUUID(1), row.getString(2),
                row.getOffsetDateTime(3).toInstant(), row.getString(4));
    }

    private static boolean isConflict(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
