package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three-node cluster: a service principal writes with acks=all to a topic replicated three times with
 * min.insync.replicas=2; the leader of a partition is killed (kill -9), another in-sync replica takes over
 * and takes writes; the killed node comes back on its ports and rejoins every ISR; nothing written is lost.
 */
class KafkaClusterTest {

    private static final String TOPIC = "pin-events";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static KafkaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = KafkaCluster.temporary(3);
        cluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.stop();
    }

    @Test
    void aKilledLeaderIsReplacedAndRejoinsWithNothingLost() throws Exception {
        List<String> written = new ArrayList<>();
        written.add(send("before " + UUID.randomUUID()));
        Map<Integer, PartitionLeaders.Partition> before = PartitionLeaders.describe(cluster, TOPIC);
        assertEquals(3, before.size());
        before.values().forEach(partition -> assertEquals(List.of(1, 2, 3), partition.inSync(), "every replica in sync"));
        assertEquals("2", topicConfig("min.insync.replicas"));
        assertEquals("false", topicConfig("unclean.leader.election.enable"));

        int killed = before.get(0).leader();
        cluster.kill(killed);
        assertFalse(cluster.running(killed));
        written.add(send("after the kill " + UUID.randomUUID()));
        await(() -> !cluster.leaders(TOPIC).containsValue(killed), "another replica leads every partition");

        cluster.startNode(killed);
        await(() -> PartitionLeaders.describe(cluster, TOPIC).values().stream()
                .allMatch(partition -> partition.inSync().size() == KafkaCluster.NODES), "the node is back in every ISR");
        written.add(send("after the restart " + UUID.randomUUID()));

        assertTrue(readAll().containsAll(written), "every acknowledged record is on the topic");
    }

    private static String send(String value) throws Exception {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig(KafkaAccess.PIN_SERVICE));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return value;
    }

    private static String topicConfig(String name) throws Exception {
        try (Admin admin = Admin.create(cluster.adminConfig())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            return config.get(name).value();
        }
    }

    private static List<String> readAll() {
        Map<String, Object> config = new HashMap<>(cluster.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (values.size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + TIMEOUT);
            Thread.sleep(250);
        }
    }
}
