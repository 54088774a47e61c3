package com.networkpin.scheduler.service;

import com.networkpin.eventstore.Transactions;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Topics;
import com.networkpin.events.Unlocked;
import com.networkpin.scheduler.domain.LockChanges;
import com.networkpin.scheduler.store.PendingLockStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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
 * holds the projection's writers back first, so the live consumer waits; then it reads the topic up
 * to its end at that moment, empties the projection and writes what the whole topic folds into. A
 * batch the live consumer was applying meanwhile goes through after the commit and changes nothing it
 * already saw: the stream positions let only newer events through.
 *
 * <p>The PIN topic's retention (7 days by default) is enough: a lock lifts at the next midnight, so
 * every pending lock and the events that decide it are at most a day old.
 */
@ApplicationScoped
public class PendingLockRebuild {

    /** What a rebuild read (records; contracts with lock events) and wrote (pending locks). */
    public record Rebuilt(long records, long contracts, long pendingLocks, long tookMillis) {
    }

    private static final Logger LOG = Logger.getLogger(PendingLockRebuild.class);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final PendingLockStore locks;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;

    public PendingLockRebuild(Transactions transactions, PendingLockStore locks,
                              @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock) {
        this.transactions = transactions;
        this.locks = locks;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
    }

    public Uni<Rebuilt> rebuild() {
        long began = clock.millis();
        return transactions.inTransaction(tx -> locks.holdWriters(tx)
                        // The Kafka client blocks: off the event loop.
                        .chain(() -> Uni.createFrom().item(this::readWholeTopic)
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                        .chain(latest -> {
                            LockChanges changes = LockChanges.fromEnvelopes(List.copyOf(latest.byContract.values()));
                            return locks.clear(tx).chain(() -> locks.apply(tx, changes))
                                    .map(done -> new Rebuilt(latest.records, changes.sequences().size(),
                                            changes.locked().size(), clock.millis() - began));
                        }))
                .invoke(rebuilt -> LOG.infof("pending locks rebuilt from %s: %s", Topics.PIN_EVENTS, rebuilt));
    }

    /**
     * Per contract, the newest (by stream sequence) of its Locked, Unlocked and PinReset events: all a
     * fold needs, so memory grows with the contracts, not with the topic.
     */
    private static final class LatestLockEvents {
        final Map<String, EventEnvelope<DomainEvent>> byContract = new HashMap<>();
        long records;

        void add(ConsumerRecord<String, String> record) {
            records++;
            EventEnvelope<DomainEvent> envelope;
            try {
                envelope = EventJson.read(record.value());
            } catch (RuntimeException unreadable) {
                return; // the live consumer dead-lettered it; it changes no lock
            }
            DomainEvent event = envelope.data();
            if (event instanceof Locked || event instanceof Unlocked || event instanceof PinReset) {
                byContract.merge(envelope.subject(), envelope,
                        (known, later) -> later.sequence() > known.sequence() ? later : known);
            }
        }
    }

    /** The PIN topic up to its end now, read without a consumer group (no offsets move). */
    private LatestLockEvents readWholeTopic() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        LatestLockEvents latest = new LatestLockEvents();
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
                        latest.add(record);
                    }
                }
            }
        }
        return latest;
    }
}
