package com.networkpin.reservation;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.PinEvent;
import com.networkpin.events.Topics;
import com.networkpin.testinfra.Infrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events on the PIN topic as the pin-service would: the envelope as JSON, keyed by contract. */
public final class PinTopic {

    private PinTopic() {
    }

    public static void publish(PinEvent event, Instant occurredAt) {
        String json = EventJson.write(EventEnvelope.of(UUID.randomUUID(), 1, occurredAt, event));
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
