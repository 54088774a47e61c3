package com.networkpin.system;

import com.networkpin.localinfra.KafkaServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tails a topic from its end and measures, per partition, the longest time without a new record: a
 * consumer sees a record only once the in-sync replicas hold it, so under steady traffic this is the time
 * nothing acknowledged reached the partition (the produce outage), plus the consumer's own fail-over.
 */
final class TopicGaps implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Integer, Long> lastArrival = new ConcurrentHashMap<>();
    private final Map<Integer, Long> longest = new ConcurrentHashMap<>();
    private final Thread thread;

    TopicGaps(KafkaServer kafka, String topic) {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gaps-" + UUID.randomUUID());
        thread = new Thread(() -> tail(config, topic), "topic-gaps-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** The longest gap of each partition, in milliseconds, up to now. */
    Map<Integer, Long> longestGapsMillis() {
        long now = System.nanoTime();
        Map<Integer, Long> gaps = new TreeMap<>();
        lastArrival.forEach((partition, last) ->
                gaps.put(partition, Math.max(longest.getOrDefault(partition, 0L), now - last) / 1_000_000));
        return gaps;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(10).toMillis());
    }

    private void tail(Map<String, Object> config, String topic) {
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long started = System.nanoTime();
            partitions.forEach(partition -> lastArrival.put(partition.partition(), started));
            while (running.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    long now = System.nanoTime();
                    Long last = lastArrival.put(record.partition(), now);
                    longest.merge(record.partition(), now - last, Math::max);
                });
            }
        }
    }
}
