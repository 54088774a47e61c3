package com.networkpin.testinfra;

import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start with a fresh consumer group: what any downstream consumer would see. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of the topic, once at least {@code expected} arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration timeout) {
        return read(topic, record -> true, expected, timeout);
    }

    /** As {@link #readAll(String, int, Duration)}, on another broker than the shared one. */
    public static List<ConsumerRecord<String, String>> readAll(KafkaServer kafka, String topic, int expected,
                                                               Duration timeout) {
        return read(kafka, topic, record -> true, expected, timeout, Duration.ofMillis(500));
    }

    /**
     * The records that match, once at least {@code expected} matched or the timeout passed; polled
     * half a second more after that, so a duplicate right behind the expected ones is seen too.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                            int expected, Duration timeout) {
        return read(Infrastructure.get().kafka(), topic, filter, expected, timeout, Duration.ofMillis(500));
    }

    /** The records with {@code key}, once one arrived (or the timeout passed) and two seconds more for any duplicate. */
    public static List<ConsumerRecord<String, String>> withKey(String topic, String key, Duration timeout) {
        return read(Infrastructure.get().kafka(), topic, record -> key.equals(record.key()), 1, timeout,
                Duration.ofSeconds(2));
    }

    private static List<ConsumerRecord<String, String>> read(KafkaServer kafka, String topic,
                                                             Predicate<ConsumerRecord<String, String>> filter,
                                                             int expected, Duration timeout, Duration settle) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka, Map.of())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && records.size() < expected) {
                poll(consumer, filter, records);
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                poll(consumer, filter, records);
            }
        }
        return records;
    }

    /** A record's header as text, or null when it has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record of the topic so far: read until none came for {@code quietFor} (at most a minute). */
    public static List<ConsumerRecord<String, String>> readUntilQuiet(String topic, Duration quietFor) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(Infrastructure.get().kafka(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000))) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((records.isEmpty() || System.nanoTime() - quietSince < quietFor.toNanos()) && System.nanoTime() < deadline) {
                var polled = consumer.poll(Duration.ofMillis(200));
                if (!polled.isEmpty()) {
                    polled.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    private static void poll(KafkaConsumer<String, String> consumer, Predicate<ConsumerRecord<String, String>> filter,
                             List<ConsumerRecord<String, String>> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (filter.test(record)) {
                into.add(record);
            }
        });
    }

    /** A consumer of a fresh group, from the start of the topic, as the administrator (who may read every topic). */
    private static KafkaConsumer<String, String> consumer(KafkaServer kafka, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
