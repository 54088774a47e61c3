package com.networkpin.testinfra;

import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.Infrastructure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared broker authenticates every client and lets each principal do only what identity/kafka-access.tsv grants. */
class KafkaAccessTest {

    private static KafkaServer kafka;

    @BeforeAll
    static void start() {
        kafka = Infrastructure.get().kafka();
    }

    @Test
    void aClientWithoutCredentialsCannotConnect() {
        Map<String, Object> anonymous = fast(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));

        Throwable refused = TopicWriter.refusal(assertThrows(IllegalStateException.class, () -> send(anonymous, Topics.PIN_EVENTS)));

        // The SASL listener drops a client that does not authenticate: it never even learns the topic's partitions.
        assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, refused, refused.toString());
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> impostor = fast(KafkaAccess.clientConfig(kafka.bootstrapServers(),
                KafkaAccess.RESERVATION_SERVICE, "guessed"));

        Throwable refused = TopicWriter.refusal(assertThrows(IllegalStateException.class,
                () -> send(impostor, Topics.RESERVATION_EVENTS)));

        assertInstanceOf(SaslAuthenticationException.class, refused, refused.toString());
    }

    @Test
    void eachServiceWritesItsOwnTopicAndNoOneElses() {
        send(kafka.clientConfig(KafkaAccess.PIN_SERVICE), Topics.PIN_EVENTS);
        send(kafka.clientConfig(KafkaAccess.LOCK_SCHEDULER), Topics.MIDNIGHT_UNLOCKS);
        send(kafka.clientConfig(KafkaAccess.RESERVATION_SERVICE), Topics.RESERVATION_EVENTS);

        assertRefused(KafkaAccess.LOCK_SCHEDULER, Topics.RESERVATION_EVENTS);
        assertRefused(KafkaAccess.PIN_SERVICE, Topics.MIDNIGHT_UNLOCKS);
        assertRefused(KafkaAccess.RESERVATION_SERVICE, Topics.PIN_EVENTS);
    }

    @Test
    void theAuditPrincipalWritesNothing() {
        Throwable refused = TopicWriter.refusal(assertThrows(IllegalStateException.class,
                () -> send(fast(kafka.clientConfig(KafkaAccess.AUDIT)), Topics.PIN_EVENTS)));

        // Refused for the topic or, when its idempotent producer asks first, for producing at all.
        assertInstanceOf(AuthorizationException.class, refused, refused.toString());
    }

    @Test
    void theAuditPrincipalReadsEveryTopicInItsOwnGroups() {
        String key = UUID.randomUUID().toString();
        TopicWriter.send(Topics.MIDNIGHT_UNLOCKS, key, "for the audit");

        List<ConsumerRecord<String, String>> read = read(KafkaAccess.AUDIT, "audit-" + key, Topics.MIDNIGHT_UNLOCKS, key);

        assertEquals(List.of("for the audit"), read.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void aConsumerGroupIsUsedOnlyByItsOwnPrincipal() {
        Exception refused = assertThrows(GroupAuthorizationException.class, () -> read(KafkaAccess.LOCK_SCHEDULER,
                "pin-service.midnight-unlocks", Topics.MIDNIGHT_UNLOCKS, "any"));

        assertTrue(refused.getMessage().contains("pin-service.midnight-unlocks"), refused.getMessage());
    }

    private static void assertRefused(String principal, String topic) {
        Throwable refused = TopicWriter.refusal(assertThrows(IllegalStateException.class,
                () -> send(fast(kafka.clientConfig(principal)), topic)));
        assertInstanceOf(TopicAuthorizationException.class, refused, principal + " writing " + topic + ": " + refused);
    }

    private static void send(Map<String, Object> clientConfig, String topic) {
        TopicWriter.send(clientConfig, topic, "access-test",
                List.of(new TopicWriter.Message("probe", Map.of())));
    }

    private static List<ConsumerRecord<String, String>> read(String principal, String group, String topic, String key) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                List<ConsumerRecord<String, String>> matching = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        matching.add(record);
                    }
                });
                if (!matching.isEmpty()) {
                    return matching;
                }
            }
        }
        return List.of();
    }

    /** Fails in seconds rather than the clients' minute-long defaults. */
    private static Map<String, Object> fast(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        return config;
    }

}
