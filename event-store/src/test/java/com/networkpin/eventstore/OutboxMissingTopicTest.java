package com.networkpin.eventstore;

import static com.networkpin.eventstore.OutboxRows.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import com.networkpin.eventstore.outbox.ParkedOutbox;
import com.networkpin.eventstore.outbox.ParkedRow;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.localinfra.KafkaServer;
import com.networkpin.testinfra.RealInfrastructure;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Where brokers create no topic on first use (usual in production), a row for a topic nobody created
 * can never be sent: the relay's send times out waiting for the topic's metadata, the relay asks the
 * cluster whether the topic exists and whether the brokers create topics, and parks the row with that
 * reason instead of waiting behind it for ever. The same key on an existing topic and other keys flow.
 * Runs against a broker of its own with {@code auto.create.topics.enable=false}.
 */
@QuarkusTest
@TestProfile(OutboxMissingTopicTest.BrokerWithoutAutoCreate.class)
class OutboxMissingTopicTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The module's infrastructure, but the broker that does not auto-create topics and a database of its own. */
    public static class BrokerWithoutAutoCreate implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfrastructure.class, Map.of(
                    RealInfrastructure.DATABASE, "event_store_no_auto_create",
                    RealInfrastructure.KAFKA_PRINCIPAL, KafkaAccess.ADMIN,
                    RealInfrastructure.KAFKA_AUTO_CREATE, "false")));
        }

        /** WithRealInfrastructure would point the application at the shared broker, which auto-creates. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        /** The test channels' topics too: on this broker nothing creates them on subscription. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.event-store.topics.names", String.join(",", Topics.PIN_EVENTS,
                    Topics.MIDNIGHT_UNLOCKS, Topics.RESERVATION_EVENTS, "inbox-test", "faulty-test"));
        }
    }

    private final OutboxRows rows;
    private final ParkedOutbox parked;

    OutboxMissingTopicTest(OutboxRows rows, ParkedOutbox parked) {
        this.rows = rows;
        this.parked = parked;
    }

    @Test
    void aRowForATopicNobodyCreatedIsParkedWithItsReasonAndOtherKeysAndTopicsFlow() throws Exception {
        KafkaServer kafka = Infrastructure.kafkaWithoutAutoCreate();
        String missing = "never-created-" + UUID.randomUUID();
        String topic = "missing-topic-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
            long begin = System.nanoTime();
            rows.enqueue(message(missing, "h", "h1"), message(missing, "h", "h2"),
                    message(topic, "h", "h1"), message(topic, "i", "i1"),
                    message(topic, "i", "i2"));

            assertEquals(List.of("h1", "i1", "i2"), values(kafka, topic, 3),
                    "the same key on an existing topic and another key flow, in order, and nothing else");
            ParkedRow row = rows.parkedOn(missing);
            long parkedMs = (System.nanoTime() - begin) / 1_000_000;
            System.out.printf("[relay] row for missing topic parked after %d ms: %s%n", parkedMs, row.reason());
            assertEquals("h", row.key());
            assertEquals("topic " + missing + " does not exist and the broker does not create it", row.reason());
            assertEquals(1, row.waiting(), "the later row of its key waits");

            // The operator creates the topic and retries: both rows of the key leave, in order.
            admin.createTopics(List.of(new NewTopic(missing, Optional.of(1), Optional.empty()))).all().get();
            assertTrue(parked.retry(row.id()).await().atMost(TIMEOUT));
            assertEquals(List.of("h1", "h2"), values(kafka, missing, 2));
            assertEquals(List.of(), parked.list().await().atMost(TIMEOUT).stream()
                    .filter(r -> r.topic().equals(missing)).toList());
        }
    }

    private static List<String> values(KafkaServer kafka, String topic, int expected) {
        return TopicReader.readAll(kafka, topic, expected, TIMEOUT).stream().map(ConsumerRecord::value).toList();
    }
}
