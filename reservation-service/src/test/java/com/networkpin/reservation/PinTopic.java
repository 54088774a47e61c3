package com.networkpin.reservation;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.PinEvent;
import com.networkpin.events.Topics;
import com.networkpin.testinfra.Infrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events on the PIN topic as the pin-service would: the envelope as JSON, keyed by contract. */
public final class PinTopic {

    /** The last sequence published per contract: each contract's events form one stream. */
    private static final Map<String, Long> SEQUENCES = new ConcurrentHashMap<>();

    private PinTopic() {
    }

    /** The next event of the contract's stream. */
    public static void publish(PinEvent event, Instant occurredAt) {
        publish(event, SEQUENCES.merge(event.contractId(), 1L, Long::sum), occurredAt);
    }

    /** With the sequence and the event time of the pin-service instance that appended it. */
    public static void publish(PinEvent event, long sequence, Instant occurredAt) {
        SEQUENCES.merge(event.contractId(), sequence, Math::max);
        String json = EventJson.write(EventEnvelope.of(UUID.randomUUID(), sequence, occurredAt, event));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafka().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PIN_EVENTS, event.contractId(), json)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }
}
