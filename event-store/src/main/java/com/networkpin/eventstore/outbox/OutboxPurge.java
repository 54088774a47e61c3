package com.networkpin.eventstore.outbox;

import com.networkpin.eventstore.config.EventStoreConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes discarded rows past {@code network-pin.event-store.relay.retention}, run by the relay between
 * its rounds at most every five minutes. Sent rows need no purge: the round deletes them.
 */
@ApplicationScoped
class OutboxPurge {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private final Pool pool;
    private final Duration retention;
    private Instant nextPurge = Instant.EPOCH;

    OutboxPurge(Pool pool, EventStoreConfig config) {
        this.pool = pool;
        this.retention = config.relay().retention();
    }

    /** Called from the relay's thread only. */
    void occasionally() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
        pool.preparedQuery("DELETE FROM es_outbox WHERE discarded_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .await().atMost(RelayRound.DB_TIMEOUT);
    }
}
