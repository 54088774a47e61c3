package com.networkpin.eventstore.store;

import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Append-only event streams. Every method takes the caller's transaction: an append, its outbox
 * messages and whatever read model the caller updates commit or roll back together.
 */
@ApplicationScoped
public class EventStore {

    /** Events to append to one stream after {@code expectedVersion}. */
    public record StreamAppend(String streamId, long expectedVersion, List<NewEvent> events) {
    }

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

    /**
     * Locks many streams as {@link #lock} does, in stream id order (so two callers locking overlapping
     * sets never deadlock), and returns their versions; an id that has no stream is absent.
     */
    public Uni<Map<String, Long>> lockAll(SqlClient tx, Collection<String> streamIds) {
        if (streamIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("SELECT stream_id, version FROM es_stream WHERE stream_id = ANY($1) ORDER BY stream_id"
                        + " FOR UPDATE")
                .execute(Tuple.of(streamIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Long> versions = new HashMap<>(rows.rowCount());
                    rows.forEach(row -> versions.put(row.getString(0), row.getLong(1)));
                    return versions;
                });
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
        List<StreamAppend> append = List.of(new StreamAppend(streamId, expectedVersion, events));
        return pipelined(advance(tx, streamId, expectedVersion, newVersion), tx, append);
    }

    /**
     * Appends to many existing streams, one entry per stream, with one statement per table however
     * many there are (a midnight unlocks thousands of PINs per transaction): every stream's version
     * moves forward with a compare-and-set, then the events and their publications are written. Fails
     * with {@link ConcurrencyConflict} when any stream has moved on or does not exist.
     */
    public Uni<Void> appendAll(SqlClient tx, List<StreamAppend> appends) {
        List<StreamAppend> nonEmpty = appends.stream().filter(append -> !append.events().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pipelined(advanceAll(tx, nonEmpty), tx, nonEmpty);
    }

    /**
     * The version's compare-and-set, the events and their publications go out together (pipelined on the
     * transaction's connection, one round trip): the server runs them in order, and the first failure —
     * the compare-and-set's {@link ConcurrencyConflict} comes first — fails the append and the transaction.
     */
    private Uni<Void> pipelined(Uni<Void> advanced, SqlClient tx, List<StreamAppend> appends) {
        return Uni.combine().all().unis(advanced, insertEvents(tx, appends), outbox.enqueue(tx, publications(appends)))
                .discardItems()
                .onFailure(SqlValues::isUniqueViolation).transform(ConcurrencyConflict::new);
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

    private Uni<Void> advanceAll(SqlClient tx, List<StreamAppend> appends) {
        int size = appends.size();
        String[] streamIds = new String[size];
        Long[] expected = new Long[size];
        Long[] next = new Long[size];
        for (int i = 0; i < size; i++) {
            StreamAppend append = appends.get(i);
            streamIds[i] = append.streamId();
            expected[i] = append.expectedVersion();
            next[i] = append.expectedVersion() + append.events().size();
        }
        return tx.preparedQuery("""
                        UPDATE es_stream s SET version = a.next_version
                        FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS a (stream_id, expected_version, next_version)
                        WHERE s.stream_id = a.stream_id AND s.version = a.expected_version""")
                .execute(Tuple.of(streamIds, expected, next))
                .invoke(rows -> {
                    if (rows.rowCount() != size) {
                        throw new ConcurrencyConflict(size - rows.rowCount() + " of " + size
                                + " streams are no longer at their expected version");
                    }
                })
                .replaceWithVoid();
    }

    /** One statement for every event of the appends: the rows go in as column arrays. */
    private Uni<Void> insertEvents(SqlClient tx, List<StreamAppend> appends) {
        List<String> streamIds = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<OffsetDateTime> occurredAt = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (StreamAppend append : appends) {
            long version = append.expectedVersion();
            for (NewEvent event : append.events()) {
                streamIds.add(append.streamId());
                versions.add(++version);
                eventIds.add(event.eventId());
                types.add(event.type());
                occurredAt.add(SqlValues.utc(event.occurredAt()));
                data.add(event.data());
            }
        }
        return tx.preparedQuery("""
                        INSERT INTO es_event (stream_id, version, event_id, event_type, occurred_at, data)
                        SELECT stream_id, version, event_id, event_type, occurred_at, data::jsonb
                        FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[])
                            AS e (stream_id, version, event_id, event_type, occurred_at, data)""")
                .execute(Tuple.of(streamIds.toArray(String[]::new), versions.toArray(Long[]::new),
                        eventIds.toArray(UUID[]::new), types.toArray(String[]::new),
                        occurredAt.toArray(OffsetDateTime[]::new), data.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static List<OutboxMessage> publications(List<StreamAppend> appends) {
        return appends.stream().flatMap(append -> append.events().stream())
                .flatMap(event -> event.publication().stream())
                .toList();
    }

    private static StoredEvent toStoredEvent(String streamId, Row row) {
        return new StoredEvent(streamId, row.getLong(0), row.getUUID(1), row.getString(2),
                row.getOffsetDateTime(3).toInstant(), row.getString(4));
    }
}
