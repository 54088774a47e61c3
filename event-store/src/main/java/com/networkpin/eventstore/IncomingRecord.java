package com.networkpin.eventstore;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** A consumed Kafka record, reduced to what the consumer needs to apply or dead-letter it. */
public record IncomingRecord(String topic, int partition, long offset, String key, String value) {

    public static IncomingRecord of(ConsumerRecord<String, String> record) {
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }

    public static List<IncomingRecord> of(ConsumerRecords<String, String> records) {
        List<IncomingRecord> incoming = new ArrayList<>(records.count());
        records.forEach(record -> incoming.add(of(record)));
        return incoming;
    }
}
