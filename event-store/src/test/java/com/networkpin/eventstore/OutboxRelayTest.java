package com.networkpin.eventstore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    private static final int STREAMS = 5;
    private static final int EVENTS_PER_STREAM = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EventStore store;
    private final Transactions transactions;
    private final Outbox outbox;
    private final Pool pool;

    OutboxRelayTest(EventStore store, Transactions transactions, Outbox outbox, Pool pool) {
        this.store = store;
        this.transactions = transactions;
        this.outbox = outbox;
        this.pool = pool;
    }

    @Test
    void messagesWaitWhileKafkaIsDownAndLeaveInOrderOnceItIsBack() {
        String topic = "outbox-test-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        Infrastructure.get().kafka().stop();
        try {
            appendInterleaved(topic, run);

            // The relay keeps trying for a while; nothing can have been acknowledged.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> unsent(topic) == STREAMS * EVENTS_PER_STREAM);
        } finally {
            Infrastructure.get().kafka().start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> unsent(topic) == 0);
        List<ConsumerRecord<String, String>> records =
                TopicReader.readAll(topic, STREAMS * EVENTS_PER_STREAM, Duration.ofSeconds(30));

        assertEquals(STREAMS * EVENTS_PER_STREAM, records.size(), "each message published exactly once");
        Map<String, List<Integer>> seenPerKey = new LinkedHashMap<>();
        Set<String> values = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            values.add(record.value());
            seenPerKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sequenceOf(record.value()));
        }
        assertEquals(STREAMS * EVENTS_PER_STREAM, values.size(), "no duplicates");
        List<Integer> inOrder = java.util.stream.IntStream.rangeClosed(1, EVENTS_PER_STREAM).boxed().toList();
        seenPerKey.forEach((key, sequences) -> assertEquals(inOrder, sequences, "order of " + key));
        assertEquals(STREAMS, seenPerKey.size());
    }

    /**
     * The broker stops while rows stream out (in-flight sends fail or time out and are sent again) and
     * comes back: every message arrives, and per key the first delivery of each is in order, which is
     * what a consumer with an inbox applies.
     */
    @Test
    void orderPerKeyHoldsWhenTheBrokerStopsMidStream() throws Exception {
        String topic = "outbox-order-" + UUID.randomUUID();
        int keys = 4;
        int perKey = 150;
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int sequence = 1; sequence <= perKey; sequence++) {
                List<OutboxMessage> round = new ArrayList<>();
                for (int k = 0; k < keys; k++) {
                    String value = "{\"stream\":\"k" + k + "\",\"sequence\":" + sequence + "}";
                    round.add(new OutboxMessage(topic, "k" + k, Map.of("ce_type", "test"), value));
                }
                transactions.inTransaction(tx -> outbox.enqueue(tx, round)).await().atMost(TIMEOUT);
                written.addAndGet(round.size());
                pause(Duration.ofMillis(20));
            }
        }, "order-test-writer");
        writer.start();
        // A sent row leaves the outbox: what was written and is no longer there was sent.
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() - unsent(topic) >= 100);
        Infrastructure.get().kafka().stop();
        try {
            pause(Duration.ofSeconds(12)); // past the producer's delivery time-out: in-flight batches expire
        } finally {
            Infrastructure.get().kafka().start();
        }
        writer.join(Duration.ofSeconds(60).toMillis());

        await().atMost(Duration.ofSeconds(60)).until(() -> unsent(topic) == 0);
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(topic, keys * perKey, Duration.ofSeconds(30));
        Map<String, List<Integer>> firstDeliveries = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (seen.add(record.value())) {
                firstDeliveries.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sequenceOf(record.value()));
            }
        }
        System.out.printf("order under a broker stop: expected %d, seen %d, lost %d, duplicated %d%n",
                keys * perKey, seen.size(), keys * perKey - seen.size(), records.size() - seen.size());
        List<Integer> inOrder = java.util.stream.IntStream.rangeClosed(1, perKey).boxed().toList();
        assertEquals(keys, firstDeliveries.size());
        firstDeliveries.forEach((key, sequences) -> assertEquals(inOrder, sequences, "first deliveries of " + key));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Appends one event per stream in turn, so the outbox interleaves the streams. */
    private void appendInterleaved(String topic, String run) {
        for (int version = 0; version < EVENTS_PER_STREAM; version++) {
            for (int s = 0; s < STREAMS; s++) {
                String stream = run + "-" + s;
                long expected = version;
                String value = "{\"stream\":\"" + stream + "\",\"sequence\":" + (version + 1) + "}";
                OutboxMessage message = new OutboxMessage(topic, stream, Map.of("ce_type", "test"), value);
                NewEvent event = new NewEvent(UUID.randomUUID(), "Counted", Instant.now(), value, Optional.of(message));
                transactions.inTransaction(tx -> store.append(tx, stream, expected, List.of(event)))
                        .await().atMost(TIMEOUT);
            }
        }
    }

    private long unsent(String topic) {
        return pool.preparedQuery("SELECT count(*) FROM es_outbox WHERE topic = $1")
                .execute(Tuple.of(topic)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private static int sequenceOf(String value) {
        return Integer.parseInt(value.replaceAll(".*\"sequence\":(\\d+).*", "$1"));
    }
}
