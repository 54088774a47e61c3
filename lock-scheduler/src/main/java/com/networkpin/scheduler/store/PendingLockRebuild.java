package com.networkpin.scheduler.store;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.Topics;
import com.networkpin.scheduler.domain.LockChanges;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds the pending locks from the PIN topic, from its first record: the operator's remedy for a
 * projection that is suspect (a bug fixed, a table restored from an old backup). One transaction
 * locks the projection's tables first, so the live consumer waits; then it reads the topic up to its
 * end at that moment, empties the tables and writes what the whole topic folds into. A batch the live
 * consumer was applying meanwhile goes through after the commit and changes nothing it already saw:
 * the stream positions let only newer events through.
 *
 * <p>The PIN topic's retention (7 days by default) is enough: a lock lifts at the next midnight, so
 * every pending lock and the events that decide it are at most a day old.
 */
@ApplicationScoped
public class PendingLockRebuild {

    /** What a rebuild read and wrote. */
    public record Rebuilt(long records, long lockEvents, long pendingLocks, long tookMillis) {
    }

    private static final Logger LOG = Logger.getLogger(PendingLockRebuild.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final Pool pool;
    private final PendingLockStore locks;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;

    public PendingLockRebuild(Pool pool, PendingLockStore locks,
                              @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock) {
        this.pool = pool;
        this.locks = locks;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
    }

    /** Blocks while it reads the topic: call it from a worker thread. */
    public Rebuilt rebuild() {
        long began = clock.millis();
        SqlConnection conn = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = conn.begin().await().atMost(DB_TIMEOUT);
            conn.query("LOCK TABLE pending_lock, pin_stream_position IN EXCLUSIVE MODE").execute()
                    .await().atMost(DB_TIMEOUT);
            List<ConsumerRecord<String, String>> records = readWholeTopic();
            List<EventEnvelope<DomainEvent>> events = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                try {
                    events.add(EventJson.read(record.value()));
                } catch (RuntimeException unreadable) {
                    // The live consumer dead-lettered it; it changes no lock.
                }
            }
            LockChanges changes = LockChanges.fromEnvelopes(events);
            conn.query("DELETE FROM pending_lock").execute().await().atMost(DB_TIMEOUT);
            conn.query("DELETE FROM pin_stream_position").execute().await().atMost(DB_TIMEOUT);
            locks.apply(conn, changes).await().atMost(DB_TIMEOUT);
            tx.commit().await().atMost(DB_TIMEOUT);
            Rebuilt rebuilt = new Rebuilt(records.size(), changes.sequences().size(), changes.locked().size(),
                    clock.millis() - began);
            LOG.infof("pending locks rebuilt from %s: %s", Topics.PIN_EVENTS, rebuilt);
            return rebuilt;
        } finally {
            conn.close().await().atMost(DB_TIMEOUT); // a transaction not committed rolls back
        }
    }

    /** Every record of the PIN topic up to its end now, without a consumer group (no offsets move). */
    private List<ConsumerRecord<String, String>> readWholeTopic() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PIN_EVENTS, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the PIN topic was not read to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }
}
