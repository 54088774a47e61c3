package com.networkpin.scheduler;

import com.networkpin.testinfra.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The test's view of the real broker: what another service would send and what any consumer would read. */
public final class KafkaTopics {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    private KafkaTopics() {
    }

    /** A message value and its headers. */
    public record Message(String value, Map<String, String> headers) {
    }

    /** Sends the messages in order under one key (so one partition keeps their order), waiting for each ack. */
    public static void send(String topic, String key, List<Message> messages) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafka().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (Message message : messages) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, message.value());
                message.headers().forEach((name, value) ->
                        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Reads the topic from its start with a fresh consumer group until a record with {@code key} has
     * arrived (or {@code timeout} passed), then a little longer so that a duplicate would be seen too.
     */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keep(r, key, matching));
            }
            long settled = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < settled) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keep(r, key, matching));
            }
        }
        return matching;
    }

    private static void keep(ConsumerRecord<String, String> record, String key, List<ConsumerRecord<String, String>> into) {
        if (key.equals(record.key())) {
            into.add(record);
        }
    }
}
