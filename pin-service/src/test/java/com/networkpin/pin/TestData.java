package com.networkpin.pin;

import static io.restassured.RestAssured.given;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.testinfra.Infrastructure;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the service tests share: fresh ids, REST calls, event counts in the database, Kafka in and out. */
public final class TestData {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestData() {
    }

    public static String newContractId() {
        return "C-" + UUID.randomUUID();
    }

    public static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    public static ValidatableResponse setPin(String contractId, String pin) {
        return given().contentType("application/json").body(Map.of("pin", pin))
                .when().put("/contracts/{id}/pin", contractId).then();
    }

    public static ValidatableResponse verify(String contractId, String pin) {
        return given().contentType("application/json").body(Map.of("pin", pin, "channel", "ONLINE_PROCEDURE"))
                .when().post("/contracts/{id}/pin/verifications", contractId).then();
    }

    public static long countEvents(Pool pool, String contractId, String type) {
        return pool.preparedQuery("SELECT count(*) FROM es_event WHERE stream_id = $1 AND event_type = $2")
                .execute(Tuple.of(contractId, type)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    public static long countAllEvents(Pool pool) {
        return pool.query("SELECT count(*) FROM es_event").execute().await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    public static void publish(String topic, String key, String value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafka().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    public static void publish(String topic, String key, EventEnvelope<? extends DomainEvent> envelope) {
        publish(topic, key, EventJson.write(envelope));
    }

    /** Every record of the topic so far (until none came for {@code quietFor}), read with a fresh consumer group. */
    public static List<ConsumerRecord<String, String>> readTopic(String topic, Duration quietFor) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((records.isEmpty() || System.nanoTime() - quietSince < quietFor.toNanos()) && System.nanoTime() < deadline) {
                var polled = consumer.poll(Duration.ofMillis(200));
                if (!polled.isEmpty()) {
                    polled.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }
}
