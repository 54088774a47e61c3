package com.networkpin.eventstore.outbox;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Kafka message waiting in the outbox: the relay sends exactly these bytes, key and headers. */
public record OutboxMessage(String topic, String key, Map<String, String> headers, String value) {

    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_ORIGIN = "dead-letter-origin";

    public OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(value, "value");
    }

    /** The envelope on its catalogue topic, keyed by its subject, with CloudEvents headers. */
    public static OutboxMessage of(EventEnvelope<?> envelope) {
        String topic = EventType.byTypeName(envelope.type()).orElseThrow().topic();
        return new OutboxMessage(topic, envelope.subject(), CloudEventHeaders.of(envelope), EventJson.write(envelope));
    }

    /** This message with one more header (or {@code name}'s value replaced). */
    public OutboxMessage withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OutboxMessage(topic, key, more, this.value);
    }
}
