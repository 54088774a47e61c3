package com.networkpin.eventstore;

import com.networkpin.testinfra.TopicWriter;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.Locked;
import com.networkpin.events.Topics;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    private static final String TOPIC = "inbox-test";

    private final Pool pool;

    InboxTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnceAndAnUnreadableOneIsDeadLettered() {
        String contract = "C-" + UUID.randomUUID();
        String next = "C-" + UUID.randomUUID();
        String twice = EventJson.write(EventEnvelope.of(UUID.randomUUID(), 1, Instant.now(),
                new Locked(contract, Instant.now(), Instant.now().plusSeconds(60))));
        String garbage = "{not an event " + contract;
        String after = EventJson.write(EventEnvelope.of(UUID.randomUUID(), 1, Instant.now(),
                new Locked(next, Instant.now(), Instant.now().plusSeconds(60))));

        send(contract, twice);
        send(contract, garbage);
        send(contract, twice);
        send(contract, after); // same key, same partition: applied only after the three before it

        await().atMost(Duration.ofSeconds(30)).until(() -> timesApplied(next) == 1);
        assertEquals(1, timesApplied(contract), "the redelivered event changed nothing");
        List<ConsumerRecord<String, String>> deadLetters =
                TopicReader.readAll(Topics.deadLetter(TOPIC), 1, Duration.ofSeconds(30));
        assertEquals(1, deadLetters.stream().filter(r -> r.value().equals(garbage)).count());
    }

    private int timesApplied(String subject) {
        var rows = pool.preparedQuery("SELECT times FROM test_applied WHERE subject = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5));
        return rows.rowCount() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }

    private static void send(String key, String value) {
        TopicWriter.send(TOPIC, key, value);
    }
}
