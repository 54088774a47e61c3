package com.networkpin.reservation.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys of booking requests, each in its caller's scope
 * ({@link com.networkpin.eventstore.idempotency.IdempotentRequest.ScopedKey#digest}). A key is claimed at the start of the booking transaction:
 * a second request with the same key waits for the first to commit or roll back, then sees its
 * answer, so one key never books twice.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** The first request's body hash and answer, for a key already used. */
    public record Earlier(String requestHash, String reservationNumber, String response) {
    }

    /** Claims the key for this transaction; empty when it is new, else what the earlier request stored. */
    public Uni<Optional<Earlier>> claim(SqlClient tx, String key, String requestHash, Instant now) {
        return tx.preparedQuery("""
                        INSERT INTO idempotency_key (idempotency_key, request_hash, created_at) VALUES ($1, $2, $3)
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(key, requestHash, utc(now)))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(Optional.<Earlier>empty())
                        : tx.preparedQuery("""
                                        SELECT request_hash, reservation_number, response FROM idempotency_key
                                        WHERE idempotency_key = $1""")
                                .execute(Tuple.of(key))
                                .map(rows -> rows.iterator().next())
                                .map(row -> Optional.of(new Earlier(row.getString(0), row.getString(1),
                                        row.getString(2)))));
    }

    /** Stores the answer with the booking, in the same transaction. */
    public Uni<Void> complete(SqlClient tx, String key, String reservationNumber, String response) {
        return tx.preparedQuery("""
                        UPDATE idempotency_key SET reservation_number = $2, response = $3 WHERE idempotency_key = $1""")
                .execute(Tuple.of(key, reservationNumber, response))
                .replaceWithVoid();
    }

    /** Forgets the keys created before {@code cutoff}; answers how many. */
    public Uni<Integer> deleteCreatedBefore(SqlClient client, Instant cutoff) {
        return client.preparedQuery("DELETE FROM idempotency_key WHERE created_at < $1")
                .execute(Tuple.of(utc(cutoff)))
                .map(rows -> rows.rowCount());
    }
}
