package com.networkpin.eventstore.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's Kafka producer, made at start-up with {@link RelayDeliverySettings}: acknowledged by every
 * in-sync replica, idempotent (or the service refuses to start), and giving up on a batch within seconds
 * while Kafka is down (the rows stay and are retried).
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
            producer = new KafkaProducer<>(RelayDeliverySettings.of(kafkaConfig), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
