package com.networkpin.eventstore;

import com.networkpin.events.LogSafe;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks a row sent only once the broker has
 * acknowledged it: at-least-once, in order per key. One relay per database is active at a time
 * (a transaction-scoped advisory lock), so replicas of a service never reorder a stream. While
 * Kafka is down rows wait and the relay backs off; nothing is lost.
 *
 * <p>It runs on its own thread because the Kafka producer blocks while the broker is unreachable.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private final Pool pool;
    private final EventStoreConfig.Relay config;
    private final Map<String, Object> kafkaConfig;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelay(Pool pool, EventStoreConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.pool = pool;
        this.config = config.relay();
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp.release();
        thread.join(DB_TIMEOUT.toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks the relay to look now rather than at its next poll; cheap, may be called after every commit. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        Duration backOff = config.pollInterval();
        while (running) {
            try {
                int sent = relayBatch();
                purgeOccasionally();
                backOff = config.pollInterval();
                if (sent == config.batchSize()) {
                    continue; // more are waiting
                }
                idle(config.pollInterval());
            } catch (Exception e) {
                LOG.warnf("outbox relay paused for %s: %s", backOff, LogSafe.message(e));
                idle(backOff);
                backOff = min(backOff.multipliedBy(2), config.maxBackOff());
            }
        }
    }

    /** Sends one batch in one transaction; returns how many rows were marked sent. */
    int relayBatch() throws InterruptedException {
        SqlConnection conn = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = conn.begin().await().atMost(DB_TIMEOUT);
            boolean leader = conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
                    .await().atMost(DB_TIMEOUT).iterator().next().getBoolean(0);
            if (!leader) {
                tx.commit().await().atMost(DB_TIMEOUT);
                return 0;
            }
            List<Row> rows = new ArrayList<>();
            conn.preparedQuery("""
                            SELECT id, topic, message_key, headers, value FROM es_outbox
                            WHERE sent_at IS NULL ORDER BY id LIMIT $1""")
                    .execute(Tuple.of(config.batchSize()))
                    .await().atMost(DB_TIMEOUT)
                    .forEach(rows::add);
            List<Long> sent = publish(rows);
            if (!sent.isEmpty()) {
                conn.preparedQuery("UPDATE es_outbox SET sent_at = now() WHERE id = ANY($1)")
                        .execute(Tuple.of(sent.toArray(Long[]::new)))
                        .await().atMost(DB_TIMEOUT);
            }
            tx.commit().await().atMost(DB_TIMEOUT);
            if (sent.size() < rows.size()) {
                throw new IllegalStateException((rows.size() - sent.size()) + " messages not acknowledged by Kafka");
            }
            return sent.size();
        } finally {
            conn.close().await().atMost(DB_TIMEOUT);
        }
    }

    /**
     * Sends the rows in order and returns the ids Kafka acknowledged. Stops sending at the first
     * failure so that a later message of a key never overtakes an earlier one that must be retried.
     */
    private List<Long> publish(List<Row> rows) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Future<RecordMetadata> ack = producer.send(toRecord(row));
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break;
            }
        }
        producer.flush();
        List<Long> sent = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            if (failed(acks.get(i))) {
                break;
            }
            sent.add(rows.get(i).getLong(0));
        }
        return sent;
    }

    private static ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(row.getString(1), row.getString(2), row.getString(4));
        JsonObject headers = row.getJsonObject(3);
        headers.forEach(h -> record.headers()
                .add(new RecordHeader(h.getKey(), String.valueOf(h.getValue()).getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private static boolean failed(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    private void purgeOccasionally() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
        pool.preparedQuery("DELETE FROM es_outbox WHERE sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .await().atMost(DB_TIMEOUT);
    }

    private void idle(Duration duration) {
        try {
            if (wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                producerConfig.put(key, value);
            }
        });
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Give up on a batch within seconds while Kafka is down; the rows stay and are retried.
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return producerConfig;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
