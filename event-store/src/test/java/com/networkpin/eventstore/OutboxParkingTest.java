package com.networkpin.eventstore;

import static com.networkpin.eventstore.OutboxRows.message;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.eventstore.outbox.OutboxRelay;
import com.networkpin.eventstore.outbox.ParkedOutbox;
import com.networkpin.eventstore.outbox.ParkedRow;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Rows Kafka refuses for good are parked with their reason: the other keys keep flowing within
 * seconds, the later rows of the parked row's key wait, and an operator's retry or discard frees them.
 */
@QuarkusTest
class OutboxParkingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Over the producer's max.request.size (1 MiB). */
    private static final String OVERSIZED = "x".repeat(1_100_000);

    private final OutboxRows rows;
    private final ParkedOutbox parked;
    private final OutboxRelay relay;
    private final Pool pool;
    private final SmallRyeHealthReporter health;

    OutboxParkingTest(OutboxRows rows, ParkedOutbox parked, OutboxRelay relay, Pool pool,
                      SmallRyeHealthReporter health) {
        this.rows = rows;
        this.parked = parked;
        this.relay = relay;
        this.pool = pool;
        this.health = health;
    }

    @Test
    void anOversizedRowIsParkedOtherKeysFlowAndItsKeyWaitsUntilItIsDiscarded() {
        String topic = "parking-test-" + UUID.randomUUID();
        rows.enqueue(message(topic, "a", OVERSIZED), message(topic, "a", "a2"),
                message(topic, "b", "b1"), message(topic, "b", "b2"), message(topic, "b", "b3"));

        List<ConsumerRecord<String, String>> others = TopicReader.readAll(topic, 3, Duration.ofSeconds(5));
        assertEquals(List.of("b1", "b2", "b3"), others.stream().map(ConsumerRecord::value).toList(),
                "the other key flows within seconds, in order");
        ParkedRow row = rows.parkedOn(topic);
        assertEquals("a", row.key());
        assertTrue(row.reason().contains("RecordTooLargeException"), row.reason());
        assertEquals(1, row.waiting(), "the later row of its key waits");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> unsent(topic) == 2); // a1 parked, a2 waiting
        JsonObject readiness = relayReadiness();
        assertEquals("UP", readiness.getString("status"), "parked rows do not make the service unready");
        assertTrue(readiness.getJsonObject("data").getJsonNumber("parked").longValue() >= 1, readiness.toString());

        assertTrue(parked.discard(row.id()).await().atMost(TIMEOUT));

        await().atMost(TIMEOUT).until(() -> unsent(topic) == 0);
        List<String> all = values(topic, 4);
        assertEquals(List.of("a2"), all.stream().filter(v -> v.startsWith("a")).toList(), "the parked row is not sent");
        assertEquals(4, all.size());
        assertEquals(List.of(), parked.list().await().atMost(TIMEOUT).stream().filter(r -> r.topic().equals(topic)).toList());
        assertEquals(false, parked.discard(row.id()).await().atMost(TIMEOUT), "no longer parked");
    }

    @Test
    void aRowTheBrokerRefusesIsParkedAndLeavesInOrderWhenRetriedAfterTheCauseIsFixed() throws Exception {
        String topic = "parking-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2000")))).all().get();
            rows.enqueue(message(topic, "c", "c1-" + "y".repeat(5000)), message(topic, "c", "c2"), message(topic, "d", "d1"));

            assertEquals(List.of("d1"), values(topic, 1));
            ParkedRow row = rows.parkedOn(topic);
            assertEquals("c", row.key());
            assertTrue(row.reason().contains("RecordTooLargeException"), row.reason());

            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1000000"),
                            AlterConfigOp.OpType.SET)))).all().get();
            assertTrue(parked.retry(row.id()).await().atMost(TIMEOUT));

            await().atMost(TIMEOUT).until(() -> unsent(topic) == 0);
            List<String> values = values(topic, 3);
            assertEquals(List.of("d1", "c1", "c2"), values.stream().map(v -> v.substring(0, 2)).toList());
        }
    }

    @Test
    void aRowForATopicTheBrokerRefusesIsParkedAndTheOtherTopicsFlow() {
        String invalid = "not a topic/" + UUID.randomUUID();
        String topic = "parking-test-" + UUID.randomUUID();
        rows.enqueue(message(invalid, "e", "e1"), message(topic, "e", "e1"), message(topic, "f", "f1"));

        assertEquals(Set.of("e1", "f1"), Set.copyOf(values(topic, 2)), "the same key on another topic is not held back");
        ParkedRow row = rows.parkedOn(invalid);
        assertTrue(row.reason().contains("InvalidTopicException"), row.reason());
        assertTrue(parked.discard(row.id()).await().atMost(TIMEOUT));
    }

    @Test
    void anErrorInTheRelayDoesNotEndIt() {
        String topic = "parking-test-" + UUID.randomUUID();
        relay.failNextRound(new StackOverflowError("injected into the relay"));
        await().atMost(TIMEOUT).until(() -> relay.lastFailure() != null);

        rows.enqueue(message(topic, "g", "g1"));

        assertEquals(List.of("g1"), values(topic, 1));
        assertEquals("UP", relayReadiness().getString("status"));
        assertEquals(OutboxRelay.State.RUNNING, relay.state());
    }

    private static List<String> values(String topic, int expected) {
        return TopicReader.readAll(topic, expected, TIMEOUT).stream().map(ConsumerRecord::value).toList();
    }

    private long unsent(String topic) {
        return pool.preparedQuery("SELECT count(*) FROM es_outbox WHERE topic = $1 AND discarded_at IS NULL")
                .execute(Tuple.of(topic)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private JsonObject relayReadiness() {
        return health.getReadiness().getPayload().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("outbox-relay"))
                .findFirst().orElseThrow();
    }

    static Admin admin() {
        return Admin.create(Infrastructure.get().kafka().adminConfig());
    }
}
