package com.networkpin.eventstore;

import static com.networkpin.testinfra.TopicReader.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.Locked;
import com.networkpin.events.Topics;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** How a consumer lives through failures of its projection (see {@link FaultyProjection}); max-attempts is 3 here. */
@QuarkusTest
class ConsumerFailuresTest {

    private static final String TOPIC = "faulty-test";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final FaultyProjection projection;

    ConsumerFailuresTest(Pool pool, FaultyProjection projection) {
        this.pool = pool;
        this.projection = projection;
    }

    @Test
    void deadlocksAndSerializationFailuresAreRetriedBeyondMaxAttemptsAndAppliedOnce() {
        String key = UUID.randomUUID().toString();
        String serialization = "transient-40001-" + UUID.randomUUID();
        String deadlock = "transient-40P01-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();

        send(key, List.of(event(serialization), event(deadlock), event(after)));

        await().atMost(TIMEOUT).until(() -> timesApplied(after) == 1);
        assertEquals(1, timesApplied(serialization), "applied once after its transient failures");
        assertEquals(1, timesApplied(deadlock), "applied once after its transient failures");
        assertTrue(projection.attempts(serialization) > FaultyProjection.TRANSIENT_FAILURES);
        assertTrue(projection.attempts(deadlock) > FaultyProjection.TRANSIENT_FAILURES);
        assertTrue(deadLettersOf(key, Duration.ofSeconds(2)).isEmpty(), "a transient failure is never dead-lettered");
    }

    @Test
    void aPoisonEventIsDeadLetteredWithItsReasonAndTheRestOfTheBatchAndTheNextMessagesAreApplied() {
        String key = UUID.randomUUID().toString();
        String before = "before-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        String poisonValue = event(poison);

        send(key, List.of(event(before), poisonValue, event(behind))); // one producer batch: usually one poll

        await().atMost(TIMEOUT).until(() -> timesApplied(behind) == 1);
        assertEquals(1, timesApplied(before));
        assertEquals(0, timesApplied(poison));
        assertEquals(1 + 3, projection.attempts(poison), "tried in its batch, then max-attempts times on its own");

        List<ConsumerRecord<String, String>> deadLetters = deadLettersOf(key, TIMEOUT);
        assertEquals(1, deadLetters.size());
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertEquals(poisonValue, deadLetter.value(), "forwarded as it came");
        String reason = header(deadLetter, OutboxMessage.DEAD_LETTER_REASON);
        assertTrue(reason.contains("not applied after 3 attempts") && reason.contains("cannot apply " + poison), reason);
        assertTrue(header(deadLetter, OutboxMessage.DEAD_LETTER_ORIGIN).startsWith(TOPIC + "/"));
        assertTrue(inInbox(EventJson.read(poisonValue).id()), "recorded in the inbox: never tried again");

        String next = "next-" + UUID.randomUUID();
        send(key, List.of(poisonValue, event(next))); // a redelivery of the poison event is skipped
        await().atMost(TIMEOUT).until(() -> timesApplied(next) == 1);
        assertEquals(1 + 3, projection.attempts(poison), "the inbox skips the poison event");
        assertEquals(1, deadLettersOf(key, Duration.ofSeconds(2)).size());
    }

    private static String event(String subject) {
        return EventJson.write(EventEnvelope.of(UUID.randomUUID(), 1, Instant.now(),
                new Locked(subject, Instant.now(), Instant.now().plusSeconds(60))));
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(String key, Duration timeout) {
        return TopicReader.read(Topics.deadLetter(TOPIC), r -> key.equals(r.key()), 1, timeout);
    }

    private int timesApplied(String subject) {
        var rows = pool.preparedQuery("SELECT times FROM test_applied WHERE subject = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5));
        return rows.rowCount() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }

    private boolean inInbox(UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM es_inbox WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(FaultyProjection.CONSUMER, eventId)).await().atMost(Duration.ofSeconds(5))
                .rowCount() == 1;
    }

    static void send(String key, List<String> values) {
        Map<String, Object> config = new HashMap<>(Infrastructure.get().kafka().adminConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            values.forEach(value -> producer.send(new ProducerRecord<>(TOPIC, key, value)));
        }
    }
}
