package com.networkpin.eventstore.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's Kafka producer: the application's Kafka settings (address, authentication) with the
 * relay's own delivery settings: acknowledged by every in-sync replica, idempotent, and giving up on a
 * batch within seconds while Kafka is down (the rows stay and are retried).
 */
@ApplicationScoped
class RelayProducer {

    private final Map<String, Object> kafkaConfig;
    private KafkaProducer<String, String> producer;

    RelayProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    synchronized KafkaProducer<String, String> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(config(), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> producerConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                producerConfig.put(key, value);
            }
        });
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return producerConfig;
    }
}
