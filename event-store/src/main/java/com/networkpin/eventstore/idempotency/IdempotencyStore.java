package com.networkpin.eventstore.idempotency;

import static com.networkpin.eventstore.store.SqlValues.utc;

import com.networkpin.eventstore.idempotency.IdempotentRequest.ScopedKey;
import com.networkpin.eventstore.store.ConcurrencyConflict;
import com.networkpin.eventstore.store.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers kept for Idempotency-Keys ({@code es_idempotent_answer}). A service looks a key up in the
 * transaction that would decide the request, once it holds the lock that serialises such decisions (e.g.
 * the stream's), and keeps its answer in that same transaction: a decided request is never without its
 * answer, and a retry that waited for the lock sees the committed answer. One statement per batch either way.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** The answers already kept for these keys. */
    public Uni<Map<ScopedKey, StoredAnswer>> findAll(SqlClient tx, Collection<ScopedKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<ScopedKey> list = List.copyOf(keys);
        return tx.preparedQuery("""
                        SELECT a.caller, a.operation, a.idempotency_key, a.request_hash, a.status, a.body
                        FROM es_idempotent_answer a
                        JOIN unnest($1::text[], $2::text[], $3::text[]) AS k (caller, operation, idempotency_key)
                          USING (caller, operation, idempotency_key)""")
                .execute(Tuple.of(list.stream().map(ScopedKey::caller).toArray(String[]::new),
                        list.stream().map(ScopedKey::operation).toArray(String[]::new),
                        list.stream().map(ScopedKey::key).toArray(String[]::new)))
                .map(rows -> {
                    Map<ScopedKey, StoredAnswer> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(new ScopedKey(row.getString(0), row.getString(1), row.getString(2)),
                                new StoredAnswer(row.getString(3), row.getInteger(4), row.getString(5)));
                    }
                    return found;
                });
    }

    /** The answer already kept for this key, if any. */
    public Uni<Optional<StoredAnswer>> find(SqlClient tx, ScopedKey key) {
        return findAll(tx, List.of(key)).map(found -> Optional.ofNullable(found.get(key)));
    }

    /**
     * Keeps the answers, in the caller's transaction. A key another transaction kept meanwhile (the same
     * key sent for another contract, whose lock did not serialise the two) fails it with a
     * {@link ConcurrencyConflict}: retried, it finds that answer.
     */
    public Uni<Void> keepAll(SqlClient tx, List<NewAnswer> answers, Instant now) {
        if (answers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = answers.size();
        String[] callers = new String[size];
        String[] operations = new String[size];
        String[] keys = new String[size];
        String[] hashes = new String[size];
        Integer[] statuses = new Integer[size];
        String[] bodies = new String[size];
        for (int i = 0; i < size; i++) {
            NewAnswer answer = answers.get(i);
            ScopedKey key = answer.request().key();
            callers[i] = key.caller();
            operations[i] = key.operation();
            keys[i] = key.key();
            hashes[i] = answer.request().requestHash();
            statuses[i] = answer.status();
            bodies[i] = answer.body();
        }
        return tx.preparedQuery("""
                        INSERT INTO es_idempotent_answer
                            (caller, operation, idempotency_key, request_hash, status, body, created_at)
                        SELECT caller, operation, idempotency_key, request_hash, status, body, $7
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[])
                            AS a (caller, operation, idempotency_key, request_hash, status, body)""")
                .execute(Tuple.tuple(List.of(callers, operations, keys, hashes, statuses, bodies, utc(now))))
                .onFailure(SqlValues::isUniqueViolation).transform(ConcurrencyConflict::new)
                .replaceWithVoid();
    }

    public Uni<Void> keep(SqlClient tx, NewAnswer answer, Instant now) {
        return keepAll(tx, List.of(answer), now);
    }

    /** Forgets the answers kept before {@code cutoff}; answers how many. */
    public Uni<Integer> deleteCreatedBefore(SqlClient client, Instant cutoff) {
        return client.preparedQuery("DELETE FROM es_idempotent_answer WHERE created_at < $1")
                .execute(Tuple.of(utc(cutoff)))
                .map(rows -> rows.rowCount());
    }
}
