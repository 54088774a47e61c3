package com.networkpin.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start with a fresh consumer group: what any downstream consumer would see. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of the topic, once at least {@code expected} arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration timeout) {
        return read(topic, record -> true, expected, timeout);
    }

    /**
     * The records that match, once at least {@code expected} matched or the timeout passed; one
     * more poll after that, so a duplicate right behind the expected ones is seen too.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                            int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && records.size() < expected) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        records.add(record);
                    }
                });
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (filter.test(record)) {
                    records.add(record);
                }
            });
        }
        return records;
    }
}
