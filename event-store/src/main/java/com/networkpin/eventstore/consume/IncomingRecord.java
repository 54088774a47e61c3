package com.networkpin.eventstore.consume;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventType;
import com.networkpin.events.Topics;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.trace.Tracing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/**
 * A consumed Kafka record, reduced to what the consumer needs to apply or dead-letter it.
 *
 * @param source      its CloudEvents {@code ce_source} header; null when it has none
 * @param traceparent the W3C trace context of what published it; null when it has none
 */
public record IncomingRecord(String topic, int partition, long offset, String key, String value, String source,
                             String traceparent) {

    public static IncomingRecord of(ConsumerRecord<String, String> record) {
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                header(record, CloudEventHeaders.SOURCE), header(record, Tracing.TRACEPARENT));
    }

    /**
     * The records of the given event types, by their {@code ce_type} header: a consumer passes only
     * what it applies, sparing its inbox the ids of every other event of the topic. A record without
     * the header is kept (it is parsed, or dead-lettered).
     */
    @SafeVarargs
    public static List<IncomingRecord> ofTypes(ConsumerRecords<String, String> records,
                                               Class<? extends DomainEvent>... applied) {
        Set<String> types = Arrays.stream(applied).map(type -> CloudEventHeaders.typeOf(EventType.of(type)))
                .collect(Collectors.toUnmodifiableSet());
        List<IncomingRecord> incoming = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, CloudEventHeaders.TYPE);
            if (type == null || types.contains(type)) {
                incoming.add(of(record));
            }
        }
        return incoming;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static List<IncomingRecord> of(ConsumerRecords<String, String> records) {
        List<IncomingRecord> incoming = new ArrayList<>(records.count());
        records.forEach(record -> incoming.add(of(record)));
        return incoming;
    }

    /** This record forwarded as it came to its topic's dead-letter topic, with why and where from. */
    public OutboxMessage deadLetter(String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OutboxMessage.DEAD_LETTER_REASON, reason);
        headers.put(OutboxMessage.DEAD_LETTER_ORIGIN, topic + "/" + partition + "@" + offset);
        if (traceparent != null) {
            headers.put(Tracing.TRACEPARENT, traceparent); // the dead letter stays in its trace
        }
        return new OutboxMessage(Topics.deadLetter(topic), key == null ? "" : key, headers, value == null ? "" : value);
    }
}
