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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes a row only once the broker has
 * acknowledged it: at-least-once, in order per topic and key. One relay per database is active at a
 * time (a transaction-scoped advisory lock), so replicas of a service never reorder a stream.
 *
 * <p>Order per key: a round sends at most one row of each topic and key, so a later row of a key is
 * never in flight beside an earlier one that might still fail; the next row of a key leaves in the
 * next round, once the earlier one is acknowledged. Rows of different keys leave together.
 *
 * <p>Failures: while Kafka is unreachable (a retriable failure) rows wait and the relay backs off;
 * nothing is lost. A row Kafka refuses for good (larger than the producer's or the topic's limit, a
 * topic that does not exist and is not auto-created, is invalid or may not be written) is parked
 * with its reason: the relay goes on with the other keys, and the later rows of the parked row's
 * topic and key wait until an operator retries or discards it ({@link ParkedOutbox}).
 *
 * <p>It runs on its own thread because the Kafka producer blocks while the broker is unreachable.
 * Nothing ends that thread but shutdown: any failure, an {@link Error} too, is logged and the loop
 * goes on after a back-off; should the thread end all the same, readiness is DOWN
 * ({@link OutboxRelayHealth}).
 */
@ApplicationScoped
public class OutboxRelay {

    /** What the relay is doing, for the readiness check. */
    public enum State { STARTING, RUNNING, BACKING_OFF, STOPPED, DISABLED }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);
    private static final int MAX_REASON_LENGTH = 500;
    /**
     * Takes the relay's lock for this round's transaction, and keeps its plans on the indexes: the outbox
     * swings between empty and a backlog of many thousand rows faster than its statistics follow, and a
     * plan made while it looked empty scans the whole table, for {@link #NEXT_ROWS} once per row it
     * returns (seen as rounds stuck for 30 s under load, while the backlog grew).
     */
    static final String LEAD_ROUND = "SELECT pg_try_advisory_xact_lock($1), set_config('enable_seqscan', 'off', true)";
    /** The oldest unsent rows, except those behind a parked row of their topic and key. */
    static final String NEXT_ROWS = """
            SELECT o.id, o.topic, o.message_key, o.headers, o.value FROM es_outbox o
            WHERE o.sent_at IS NULL AND o.parked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM es_outbox p
                              WHERE p.topic = o.topic AND p.message_key = o.message_key AND p.id < o.id
                                AND p.parked_at IS NOT NULL AND p.sent_at IS NULL
                                AND p.discarded_at IS NULL)
            ORDER BY o.id LIMIT $1""";

    private final Pool pool;
    private final EventStoreConfig.Relay config;
    private final Map<String, Object> kafkaConfig;
    private final KafkaTopics topics;
    private final EventStoreMetrics metrics;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile State state = State.STARTING;
    private volatile String lastFailure;
    private volatile Throwable injectedFailure;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelay(Pool pool, EventStoreConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaTopics topics,
                       EventStoreMetrics metrics) {
        this.pool = pool;
        this.config = config.relay();
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            state = State.DISABLED;
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

    /** STOPPED while the service runs means the relay thread ended: nothing would leave any more. */
    public State state() {
        if (running && (thread == null || !thread.isAlive())) {
            return State.STOPPED;
        }
        return state;
    }

    /** Why the relay last backed off, or null once a round went through. */
    public String lastFailure() {
        return lastFailure;
    }

    /** For tests: the next round fails with this, as any failure deep inside a round would. */
    void failNextRound(Throwable failure) {
        injectedFailure = failure;
        wake();
    }

    private void run() {
        Duration backOff = config.pollInterval();
        while (running) {
            try {
                Round round = relayRound();
                purgeOccasionally();
                state = State.RUNNING;
                lastFailure = null;
                backOff = config.pollInterval();
                if (round.moreWaiting()) {
                    continue;
                }
                idle(config.pollInterval());
            } catch (Throwable e) { // an Error too: the relay must not end while the service runs
                state = State.BACKING_OFF;
                lastFailure = e.getClass().getName() + ": " + LogSafe.message(e);
                if (e instanceof Exception) {
                    LOG.warnf("outbox relay paused for %s: %s", backOff, lastFailure);
                } else {
                    LOG.errorf(LogSafe.throwable(e), "outbox relay failed, goes on after %s", backOff);
                }
                idle(backOff);
                backOff = min(backOff.multipliedBy(2), config.maxBackOff());
            }
        }
    }

    /** What one round did: rows sent, and whether more rows are ready at once. */
    record Round(int sent, boolean moreWaiting) {
    }

    /**
     * Sends one round in one transaction: the oldest unsent rows whose key no parked row holds back,
     * at most one per topic and key. Deletes the acknowledged rows and parks the refused ones;
     * fails after that when Kafka could not be reached, so that the relay backs off.
     */
    Round relayRound() throws InterruptedException {
        Throwable injected = injectedFailure;
        if (injected != null) {
            injectedFailure = null;
            throwUnchecked(injected);
        }
        if (!topics.ensureOnce()) {
            throw new IllegalStateException("the Kafka topics could not be created yet");
        }
        SqlConnection conn = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = conn.begin().await().atMost(DB_TIMEOUT);
            boolean leader = conn.preparedQuery(LEAD_ROUND).execute(Tuple.of(LOCK_KEY))
                    .await().atMost(DB_TIMEOUT).iterator().next().getBoolean(0);
            if (!leader) {
                tx.commit().await().atMost(DB_TIMEOUT);
                return new Round(0, false);
            }
            List<Row> rows = new ArrayList<>();
            conn.preparedQuery(NEXT_ROWS)
                    .execute(Tuple.of(config.batchSize()))
                    .await().atMost(DB_TIMEOUT)
                    .forEach(rows::add);
            Outcome outcome = publish(rows);
            if (!outcome.sent.isEmpty()) {
                // Sent rows leave the outbox at once (the events stay in their streams): no update and
                // no purge per row, and the table stays the size of the backlog.
                conn.preparedQuery("DELETE FROM es_outbox WHERE id = ANY($1)")
                        .execute(Tuple.of(outcome.sent.toArray(Long[]::new)))
                        .await().atMost(DB_TIMEOUT);
            }
            if (!outcome.parked.isEmpty()) {
                conn.preparedQuery("""
                                UPDATE es_outbox o SET parked_at = now(), parked_reason = p.reason
                                FROM unnest($1::bigint[], $2::text[]) AS p (id, reason) WHERE o.id = p.id""")
                        .execute(Tuple.of(outcome.parked.keySet().toArray(Long[]::new),
                                outcome.parked.values().toArray(String[]::new)))
                        .await().atMost(DB_TIMEOUT);
            }
            tx.commit().await().atMost(DB_TIMEOUT);
            count(rows, outcome);
            logParked(rows, outcome.parked);
            if (outcome.retriable != null) {
                throw new IllegalStateException((rows.size() - outcome.sent.size() - outcome.parked.size())
                        + " messages not acknowledged by Kafka: " + LogSafe.message(outcome.retriable), outcome.retriable);
            }
            return new Round(outcome.sent.size(), outcome.deferred > 0 || rows.size() == config.batchSize());
        } finally {
            conn.close().await().atMost(DB_TIMEOUT);
        }
    }

    /** Ids acknowledged, ids refused for good with why, rows left for the next round, and a retriable failure if any. */
    private static final class Outcome {
        final List<Long> sent = new ArrayList<>();
        final Map<Long, String> parked = new LinkedHashMap<>();
        int deferred;
        Throwable retriable;
    }

    /**
     * Sends the first row of each topic and key, in order. A row refused at once for good is parked and
     * the others go on; a retriable failure at send time (Kafka unreachable) stops sending, since every
     * further send would block as long. After the flush, each acknowledgement decides its own row.
     */
    private Outcome publish(List<Row> rows) throws InterruptedException {
        Outcome outcome = new Outcome();
        Set<String> keysInFlight = new HashSet<>();
        Map<Long, Future<RecordMetadata>> acks = new LinkedHashMap<>();
        for (Row row : rows) {
            long id = row.getLong(0);
            String topic = row.getString(1);
            if (!keysInFlight.add(topic + '\u0000' + row.getString(2))) {
                outcome.deferred++; // its key's earlier row is in flight: next round
                continue;
            }
            ProducerRecord<String, String> record;
            try {
                record = toRecord(row);
            } catch (RuntimeException e) {
                outcome.parked.put(id, reason("unreadable outbox row", e));
                continue;
            }
            Future<RecordMetadata> ack = producer.send(record);
            Throwable failure = ack.isDone() ? failureOf(ack) : null;
            if (failure == null) {
                acks.put(id, ack);
                continue;
            }
            String refusal = refusal(failure, topic, true);
            if (refusal == null) {
                outcome.retriable = failure;
                break;
            }
            outcome.parked.put(id, refusal);
        }
        producer.flush();
        for (Map.Entry<Long, Future<RecordMetadata>> ack : acks.entrySet()) {
            Throwable failure = failureOf(ack.getValue());
            if (failure == null) {
                outcome.sent.add(ack.getKey());
                continue;
            }
            String refusal = refusal(failure, null, false);
            if (refusal == null) {
                outcome.retriable = failure;
            } else {
                outcome.parked.put(ack.getKey(), refusal);
            }
        }
        return outcome;
    }

    /**
     * Why Kafka will never take this row, or null when trying again may work. A metadata time-out at
     * send time means either a broker that does not answer or a topic that does not exist where topics
     * are not auto-created: the cluster is asked which.
     */
    private String refusal(Throwable failure, String topic, boolean atSendTime) {
        if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof TopicAuthorizationException
                || failure instanceof InvalidRecordException) {
            return reason("refused by Kafka", failure);
        }
        if (atSendTime && (failure instanceof TimeoutException || failure instanceof UnknownTopicOrPartitionException)
                && topics.missing(topic)) {
            return "topic " + topic + " does not exist and the broker does not create it";
        }
        return null;
    }

    private static String reason(String what, Throwable failure) {
        return LogSafe.of(what + ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                MAX_REASON_LENGTH);
    }

    private void count(List<Row> rows, Outcome outcome) {
        Set<Long> sent = Set.copyOf(outcome.sent);
        Map<String, Integer> sentPerTopic = new HashMap<>();
        for (Row row : rows) {
            long id = row.getLong(0);
            if (sent.contains(id)) {
                sentPerTopic.merge(row.getString(1), 1, Integer::sum);
            } else if (outcome.parked.containsKey(id)) {
                metrics.parked(row.getString(1));
            }
        }
        sentPerTopic.forEach(metrics::sent);
    }

    private static void logParked(List<Row> rows, Map<Long, String> parked) {
        if (parked.isEmpty()) {
            return;
        }
        for (Row row : rows) {
            String reason = parked.get(row.getLong(0));
            if (reason != null) {
                LOG.errorf("outbox row %d parked (topic %s, key %s), later rows of its key wait for an operator: %s",
                        row.getLong(0), LogSafe.of(row.getString(1)), LogSafe.of(row.getString(2)), reason);
            }
        }
    }

    private static ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(row.getString(1), row.getString(2), row.getString(4));
        JsonObject headers = row.getJsonObject(3);
        headers.forEach(h -> record.headers()
                .add(new RecordHeader(h.getKey(), String.valueOf(h.getValue()).getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** The failure of a completed send, unwrapped; null when acknowledged. */
    private static Throwable failureOf(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private void purgeOccasionally() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
        pool.preparedQuery("""
                        DELETE FROM es_outbox
                        WHERE sent_at < now() - make_interval(secs => $1)
                           OR discarded_at < now() - make_interval(secs => $1)""")
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

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable failure) throws T {
        throw (T) failure;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
