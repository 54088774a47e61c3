package com.networkpin.testinfra;

import com.networkpin.localinfra.Infrastructure;
import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.EventType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts messages on the shared broker's topics as the administrator, who may write every topic: what
 * the owning service would publish (the envelope as JSON with its CloudEvents headers), or anything else.
 */
public final class TopicWriter {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private TopicWriter() {
    }

    /** A message value and its headers. */
    public record Message(String value, Map<String, String> headers) {
    }

    /** The envelope as its owning service's outbox relay sends it: on its type's topic, headers and all. */
    public static void publish(String key, EventEnvelope<?> envelope) {
        String topic = EventType.byTypeName(envelope.type()).orElseThrow().topic();
        send(topic, key, List.of(asPublished(envelope)));
    }

    /** The envelope's JSON with the CloudEvents headers the relay adds. */
    public static Message asPublished(EventEnvelope<?> envelope) {
        return new Message(EventJson.write(envelope), CloudEventHeaders.of(envelope));
    }

    /** Any value, without headers (e.g. one that is not an event). */
    public static void send(String topic, String key, String value) {
        send(topic, key, List.of(new Message(value, Map.of())));
    }

    /** Sends in order under one key (so one partition keeps their order), waiting for each acknowledgement. */
    public static void send(String topic, String key, List<Message> messages) {
        send(Infrastructure.get().kafka().adminConfig(), topic, key, messages);
    }

    /** As {@link #send(String, String, List)}, by a client with the given settings (e.g. another principal). */
    public static void send(Map<String, Object> clientConfig, String topic, String key, List<Message> messages) {
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(clientConfig, new StringSerializer(), new StringSerializer())) {
            for (Message message : messages) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, message.value());
                message.headers().forEach((name, value) ->
                        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** The client's own exception behind a failed send (e.g. the broker's authorization error). */
    public static Throwable refusal(Throwable sendFailure) {
        Throwable cause = sendFailure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
