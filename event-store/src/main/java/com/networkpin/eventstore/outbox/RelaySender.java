package com.networkpin.eventstore.outbox;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends a round's rows to Kafka: the first row of each topic and key, in order. A row refused at once for
 * good is parked and the others go on; a retriable failure at send time (Kafka unreachable) stops sending,
 * since every further send would block as long. After the flush, each acknowledgement decides its own row.
 */
@ApplicationScoped
class RelaySender {

    /** Ids acknowledged, ids refused for good with why, rows left for the next round, and a retriable failure if any. */
    record Outcome(List<Long> sent, Map<Long, String> parked, int deferred, Throwable retriable) {
    }

    private final RelayProducer producer;
    private final KafkaRefusals refusals;

    RelaySender(RelayProducer producer, KafkaRefusals refusals) {
        this.producer = producer;
        this.refusals = refusals;
    }

    Outcome send(List<Row> rows) throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        Map<Long, String> parked = new LinkedHashMap<>();
        int deferred = 0;
        Throwable retriable = null;
        Set<String> keysInFlight = new HashSet<>();
        Map<Long, Future<RecordMetadata>> acks = new LinkedHashMap<>();
        for (Row row : rows) {
            long id = row.getLong(0);
            String topic = row.getString(1);
            if (!keysInFlight.add(topic + '\u0000' + row.getString(2))) {
                deferred++; // its key's earlier row is in flight: next round
                continue;
            }
            ProducerRecord<String, String> record;
            try {
                record = toRecord(row);
            } catch (RuntimeException e) {
                parked.put(id, KafkaRefusals.reason("unreadable outbox row", e));
                continue;
            }
            Future<RecordMetadata> ack = producer.get().send(record);
            Throwable failure = ack.isDone() ? failureOf(ack) : null;
            if (failure == null) {
                acks.put(id, ack);
                continue;
            }
            String refusal = refusals.atSend(failure, topic);
            if (refusal == null) {
                retriable = failure;
                break;
            }
            parked.put(id, refusal);
        }
        producer.get().flush();
        for (Map.Entry<Long, Future<RecordMetadata>> ack : acks.entrySet()) {
            Throwable failure = failureOf(ack.getValue());
            if (failure == null) {
                sent.add(ack.getKey());
                continue;
            }
            String refusal = refusals.atAcknowledgement(failure);
            if (refusal == null) {
                retriable = failure;
            } else {
                parked.put(ack.getKey(), refusal);
            }
        }
        return new Outcome(sent, parked, deferred, retriable);
    }

    private static ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(row.getString(1), row.getString(2), row.getString(4));
        JsonObject headers = row.getJsonObject(3);
        headers.forEach(h -> record.headers()
                .add(new RecordHeader(h.getKey(), String.valueOf(h.getValue()).getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** The failure of a completed send, unwrapped; null when acknowledged. */
    private static Throwable failureOf(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }
}
