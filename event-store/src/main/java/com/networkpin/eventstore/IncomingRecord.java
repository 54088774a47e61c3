package com.networkpin.eventstore;

import com.networkpin.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/**
 * A consumed Kafka record, reduced to what the consumer needs to apply or dead-letter it.
 *
 * @param source its CloudEvents {@code ce_source} header; null when it has none
 */
public record IncomingRecord(String topic, int partition, long offset, String key, String value, String source) {

    public static IncomingRecord of(ConsumerRecord<String, String> record) {
        Header source = record.headers().lastHeader(CloudEventHeaders.SOURCE);
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                source == null ? null : new String(source.value(), StandardCharsets.UTF_8));
    }

    public static List<IncomingRecord> of(ConsumerRecords<String, String> records) {
        List<IncomingRecord> incoming = new ArrayList<>(records.count());
        records.forEach(record -> incoming.add(of(record)));
        return incoming;
    }
}
