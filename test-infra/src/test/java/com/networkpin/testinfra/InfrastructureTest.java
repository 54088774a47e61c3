package com.networkpin.testinfra;

import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.PostgresServer;
import com.networkpin.localinfra.Infrastructure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs against the real servers: whatever the mode, they must behave like production ones. */
class InfrastructureTest {

    /**
     * The clients log through slf4j to JBoss LogManager (not to the JDK's, which is set up before
     * surefire's system properties); held so its level is not collected with it.
     */
    private static final Logger KAFKA_CLIENTS = LogContext.getLogContext().getLogger("org.apache.kafka");

    private static Infrastructure infrastructure;

    @BeforeAll
    static void startServers() {
        KAFKA_CLIENTS.setLevel(Level.WARNING);
        infrastructure = Infrastructure.get(); // prints the start-up times
    }

    @Test
    void createsADatabaseThatAnswersQueries() throws SQLException {
        PostgresServer postgres = infrastructure.postgres();
        postgres.createDatabase("infra_check");
        postgres.createDatabase("infra_check"); // idempotent

        try (Connection connection = DriverManager.getConnection(
                postgres.jdbcUrl("infra_check"), postgres.username(), postgres.password());
             ResultSet result = connection.createStatement().executeQuery("select 1, current_database()")) {
            assertTrue(result.next());
            assertEquals(1, result.getInt(1));
            assertEquals("infra_check", result.getString(2));
        }
        assertEquals("postgresql://" + postgres.host() + ":" + postgres.port() + "/infra_check",
                postgres.reactiveUrl("infra_check"));
    }

    @Test
    void keepsRecordsAcrossABrokerOutage() throws Exception {
        KafkaServer kafka = infrastructure.kafka();
        String topic = "infra-check-" + UUID.randomUUID();
        String address = kafka.bootstrapServers();

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "k", "before the outage")).get(30, TimeUnit.SECONDS);
            assertEquals(List.of("before the outage"), values(topic, 1));

            long stopBegin = System.nanoTime();
            kafka.stop();
            System.out.printf("Kafka stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - stopBegin).toMillis());
            assertThrows(Exception.class,
                    () -> producer.send(new ProducerRecord<>(topic, "k", "during the outage")).get(30, TimeUnit.SECONDS));

            long startBegin = System.nanoTime();
            kafka.start();
            System.out.printf("Kafka restarted in %d ms%n", Duration.ofNanos(System.nanoTime() - startBegin).toMillis());
            assertEquals(address, kafka.bootstrapServers());
            producer.send(new ProducerRecord<>(topic, "k", "after the outage")).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("before the outage", "after the outage"), values(topic, 2));
    }

    /** Short timeouts, so that a send during the outage fails fast. */
    private static KafkaProducer<String, String> producer(KafkaServer kafka) {
        Map<String, Object> config = new HashMap<>(kafka.adminConfig());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> values(String topic, int expected) {
        return TopicReader.readAll(topic, expected, Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
    }
}
