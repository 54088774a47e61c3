package com.networkpin.eventstore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.Topics;
import com.networkpin.eventstore.outbox.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The system's topics are created at start-up with the configured partitions and retention (the test
 * broker would auto-create 3 partitions and keep messages 7 days), and an existing topic is left as it is.
 */
@QuarkusTest
class KafkaTopicsTest {

    private static final List<String> SYSTEM_TOPICS = List.of(Topics.PIN_EVENTS, Topics.MIDNIGHT_UNLOCKS,
            Topics.RESERVATION_EVENTS, Topics.deadLetter(Topics.PIN_EVENTS), Topics.deadLetter(Topics.MIDNIGHT_UNLOCKS),
            Topics.deadLetter(Topics.RESERVATION_EVENTS));

    private final KafkaTopics topics;

    KafkaTopicsTest(KafkaTopics topics) {
        this.topics = topics;
    }

    @Test
    void theSystemTopicsAreCreatedAtStartUpWithTheConfiguredPartitionsAndRetention() throws Exception {
        try (Admin admin = OutboxParkingTest.admin()) {
            Map<String, Integer> partitions = partitions(admin, SYSTEM_TOPICS);

            assertEquals(SYSTEM_TOPICS.stream().collect(Collectors.toMap(t -> t, t -> 2)), partitions);
            assertEquals("172800000", retention(admin, Topics.PIN_EVENTS), "network-pin.event-store.topics.retention=PT48H");
            assertEquals("259200000", retention(admin, Topics.deadLetter(Topics.PIN_EVENTS)), "dead-letter-retention=PT72H");
        }
    }

    @Test
    void anExistingTopicIsLeftAsItIsAndOnlyItsMissingDeadLetterTopicIsCreated() throws Exception {
        String topic = "existing-" + UUID.randomUUID();
        try (Admin admin = OutboxParkingTest.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")))).all().get();

            List<String> created = topics.ensure(List.of(topic));

            assertEquals(List.of(Topics.deadLetter(topic)), created);
            // A topic just created may take a moment to be described.
            assertEquals(Map.of(topic, 1, Topics.deadLetter(topic), 2), await().ignoreExceptions().atMost(Duration.ofSeconds(10))
                    .until(() -> partitions(admin, List.of(topic, Topics.deadLetter(topic))), p -> true));
            assertEquals("3600000", retention(admin, topic));
            assertEquals(List.of(), topics.ensure(List.of(topic)), "nothing to create the second time");
        }
    }

    private static Map<String, Integer> partitions(Admin admin, List<String> names) throws Exception {
        return admin.describeTopics(names).allTopicNames().get().values().stream()
                .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
    }

    private static String retention(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.RETENTION_MS_CONFIG).value();
    }
}
