package com.networkpin.eventstore.outbox;

import com.networkpin.events.LogSafe;
import com.networkpin.eventstore.config.EventStoreConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One relay round in one transaction: leads (or not), reads the oldest rows whose key no parked row holds
 * back, has them sent, deletes the acknowledged ones and parks the refused ones. Sent rows leave the
 * outbox at once (the events stay in their streams): no row is ever marked sent.
 */
@ApplicationScoped
public class RelayRound {

    static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    /** The oldest rows waiting, except those behind a parked row of their topic and key. */
    public static final String NEXT_ROWS = """
            SELECT o.id, o.topic, o.message_key, o.headers, o.value FROM es_outbox o
            WHERE o.parked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM es_outbox p
                              WHERE p.topic = o.topic AND p.message_key = o.message_key AND p.id < o.id
                                AND p.parked_at IS NOT NULL AND p.discarded_at IS NULL)
            ORDER BY o.id LIMIT $1""";

    /** What one round did: rows sent, and whether more rows are ready at once. */
    record Result(int sent, boolean moreWaiting) {
    }

    private final Pool pool;
    private final EventStoreConfig.Relay config;
    private final KafkaTopics topics;
    private final RelaySender sender;
    private final RelayParking parking;
    private final OutboxMetrics metrics;
    private final RelayFaults faults;

    RelayRound(Pool pool, EventStoreConfig config, KafkaTopics topics, RelaySender sender, RelayParking parking,
               OutboxMetrics metrics, RelayFaults faults) {
        this.pool = pool;
        this.config = config.relay();
        this.topics = topics;
        this.sender = sender;
        this.parking = parking;
        this.metrics = metrics;
        this.faults = faults;
    }

    /**
     * Sends the oldest rows waiting, at most one per topic and key; fails after committing what it could
     * when Kafka could not be reached, so that the relay backs off.
     */
    Result run() throws InterruptedException {
        faults.throwInjected();
        if (!topics.ensureOnce()) {
            throw new IllegalStateException("the Kafka topics could not be created yet");
        }
        SqlConnection conn = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = conn.begin().await().atMost(DB_TIMEOUT);
            if (!RelayLeadership.lead(conn, DB_TIMEOUT)) {
                tx.commit().await().atMost(DB_TIMEOUT);
                return new Result(0, false);
            }
            List<Row> rows = new ArrayList<>();
            conn.preparedQuery(NEXT_ROWS)
                    .execute(Tuple.of(config.batchSize()))
                    .await().atMost(DB_TIMEOUT)
                    .forEach(rows::add);
            RelaySender.Outcome outcome = sender.send(rows);
            if (!outcome.sent().isEmpty()) {
                // No update and no purge per row: the table stays the size of the backlog.
                conn.preparedQuery("DELETE FROM es_outbox WHERE id = ANY($1)")
                        .execute(Tuple.of(outcome.sent().toArray(Long[]::new)))
                        .await().atMost(DB_TIMEOUT);
            }
            parking.park(conn, outcome.parked(), DB_TIMEOUT);
            tx.commit().await().atMost(DB_TIMEOUT);
            metrics.count(rows, outcome.sent(), outcome.parked());
            parking.log(rows, outcome.parked());
            if (outcome.retriable() != null) {
                throw new IllegalStateException((rows.size() - outcome.sent().size() - outcome.parked().size())
                        + " messages not acknowledged by Kafka: " + LogSafe.message(outcome.retriable()),
                        outcome.retriable());
            }
            return new Result(outcome.sent().size(), outcome.deferred() > 0 || rows.size() == config.batchSize());
        } finally {
            conn.close().await().atMost(DB_TIMEOUT);
        }
    }
}
