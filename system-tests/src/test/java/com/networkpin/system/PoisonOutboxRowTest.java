package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.events.Topics;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicReader;
import com.networkpin.testinfra.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F7: each service writes an outbox row Kafka refuses for good, through its own code path. The
 * dead-letter topics are limited to 4 KB a message (an operator's topic setting, as production
 * topics have), then a 16 KB message that is no event arrives on each service's input topic: the
 * service forwards it, as it came, to {@code <topic>.dead-letter} through its outbox, and the broker
 * refuses that record. No REST API takes a body large enough (16 KB at most) for an event over the
 * producer's 1 MB limit, and writing a row into a service's database from the test would skip the
 * service: the dead-letter path is the honest way to a row that can never be sent.
 *
 * <p>Each service parks its row, shows it at {@code /admin/outbox/parked}, and goes on: a dead letter
 * of another key on the same topic, and a PIN lock through both projections, arrive within seconds,
 * while a later row of the parked key waits behind it. Once the operator lifts the limit and retries
 * the parked rows, both rows of that key leave, in order: nothing is lost.
 */
@ExtendWith(RunningSystem.class)
class PoisonOutboxRowTest {

    private static final int TOPIC_LIMIT_BYTES = 4096;
    private static final int POISON_BYTES = 16_000;
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PIN_DEAD_LETTERS = Topics.deadLetter(Topics.PIN_EVENTS);
    private static final String RESERVATION_DEAD_LETTERS = Topics.deadLetter(Topics.RESERVATION_EVENTS);
    /** The lock-scheduler and the reservation-service consume the PIN topic, the pin-service the reservation topic. */
    private static final Map<String, Integer> WRITERS = Map.of(PIN_DEAD_LETTERS, 2, RESERVATION_DEAD_LETTERS, 1);
    private static final Pattern EXCEPTION = Pattern.compile("\\w+Exception");

    private final Http operator = RunningSystem.as(RunningSystem.actors().operator());
    private final PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
    private final LockProjections projections = new LockProjections();

    @Test
    @DisplayName("F7: a poison outbox row on each service is parked and shown to operators; other keys keep flowing")
    void aRowKafkaRefusesIsParkedOnEveryServiceAndTheOtherKeysFlow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String poisonKey = "F7-P-" + suffix;
        String poison = "F7 poison, not an event " + suffix + " " + "x".repeat(POISON_BYTES);
        String behind = "F7 behind the poison " + suffix;
        String other = "F7 another key " + suffix;
        FaultFigures figures = new FaultFigures("F7 poison outbox row (dead letter over the topic's "
                + TOPIC_LIMIT_BYTES + " bytes) on each service");
        Map<StackService, JsonNode> parked;
        long otherKeyMillis;
        int otherKeySeen;
        Optional<Instant> lockSeen;
        long lockMillis;
        Map<StackService, Long> waitingBehind = new EnumMap<>(StackService.class);
        int behindEarly;
        Map<StackService, Integer> retried = new EnumMap<>(StackService.class);
        try (Admin admin = Admin.create(Infrastructure.get().kafka().adminConfig())) {
            Map<ConfigResource, Optional<String>> previousLimits = limit(admin, WRITERS.keySet());
            try {
                long poisonSent = System.nanoTime();
                send(poisonKey, poison);
                parked = awaitParked(poisonKey);
                figures.put("parkedMs", Duration.ofNanos(System.nanoTime() - poisonSent).toMillis());

                long othersSent = System.nanoTime();
                send(poisonKey, behind);
                send("F7-Q-" + suffix, other);
                otherKeySeen = WRITERS.entrySet().stream().mapToInt(writers -> TopicReader.read(writers.getKey(),
                        record -> other.equals(record.value()), writers.getValue(), WITHIN_SECONDS).size()).sum();
                otherKeyMillis = Duration.ofNanos(System.nanoTime() - othersSent).toMillis();

                long lockStarted = System.nanoTime();
                String contract = "F7-L-" + suffix;
                Instant unlocksAt = pin.setAndLock(contract);
                lockSeen = awaitLockInBothProjections(contract, unlocksAt);
                lockMillis = Duration.ofNanos(System.nanoTime() - lockStarted).toMillis();

                waitingBehind.putAll(awaitWaiting(poisonKey));
                behindEarly = WRITERS.keySet().stream().mapToInt(topic -> TopicReader.read(topic,
                        record -> behind.equals(record.value()), 1, Duration.ofSeconds(2)).size()).sum();
            } finally {
                restore(admin, previousLimits);
            }
        } finally {
            retryParked(poisonKey).forEach(retried::put); // the operator's fix, and no row left parked for others
        }
        Map<String, List<String>> keyOnTopics = new HashMap<>();
        for (Map.Entry<String, Integer> writers : WRITERS.entrySet()) {
            keyOnTopics.put(writers.getKey(), TopicReader.read(writers.getKey(), record -> poisonKey.equals(record.key()),
                    2 * writers.getValue(), TIMEOUT).stream().map(ConsumerRecord::value).toList());
        }
        int otherKeyExpected = WRITERS.values().stream().mapToInt(Integer::intValue).sum();
        int expected = 3 * otherKeyExpected; // per writer: the parked row, the row behind it, the other key's
        int seen = keyOnTopics.values().stream().mapToInt(List::size).sum() + otherKeySeen;

        figures.put("parked", parked.size())
                .put("reasons", parked.values().stream().map(row -> EXCEPTION.matcher(row.path("reason").asText()))
                        .map(found -> found.find() ? found.group() : "?").distinct().toList())
                .put("otherKeyMs", otherKeyMillis)
                .put("lockThroughProjectionsMs", lockMillis)
                .put("waitingBehindParked", waitingBehind)
                .put("leftBeforeRetry", behindEarly)
                .put("expected", expected)
                .put("seen", Math.min(seen, expected))
                .put("lost", Math.max(0, expected - seen))
                .put("duplicated", Math.max(0, seen - expected))
                .print();

        assertEquals(StackService.backends().size(), parked.size(), "every service parked its row: " + parked);
        parked.forEach((service, row) -> assertTrue(row.path("reason").asText().contains("RecordTooLargeException"),
                service + " says why: " + row));
        assertEquals(otherKeyExpected, otherKeySeen, "a dead letter of another key reached its topic from every "
                + "service within " + WITHIN_SECONDS.toSeconds() + " s");
        assertTrue(lockSeen.isPresent(), "a lock reached both projections");
        assertTrue(lockMillis < WITHIN_SECONDS.toMillis(), "the PIN events flowed within seconds: " + lockMillis + " ms");
        waitingBehind.forEach((service, waiting) -> assertEquals(1L, waiting, service + ": the later row of the key waits"));
        assertEquals(0, behindEarly, "no later row of the parked key left before it");
        assertEquals(Map.of(StackService.PIN_SERVICE, 1, StackService.LOCK_SCHEDULER, 1,
                StackService.RESERVATION_SERVICE, 1), retried, "the operator retried each service's parked row");
        assertEquals(List.of(poison, behind), keyOnTopics.get(RESERVATION_DEAD_LETTERS), "in order, once each");
        List<String> pinDeadLetters = keyOnTopics.get(PIN_DEAD_LETTERS);
        assertEquals(2, Collections.frequency(pinDeadLetters, poison), "both services' parked rows, once each");
        assertEquals(2, Collections.frequency(pinDeadLetters, behind), "both services' rows behind them, once each");
        assertTrue(eachBehindItsPoison(pinDeadLetters, poison, behind), "each service's parked row left first: "
                + pinDeadLetters.stream().map(value -> value.equals(poison) ? "poison" : "behind").toList());
    }

    /** The same message on both input topics, as the brokers' administrator: every service dead-letters it. */
    private static void send(String key, String value) {
        TopicWriter.send(Topics.PIN_EVENTS, key, value);
        TopicWriter.send(Topics.RESERVATION_EVENTS, key, value);
    }

    /** Each service's parked row of the key, once every service shows one (or the timeout passed). */
    private Map<StackService, JsonNode> awaitParked(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<StackService, JsonNode> parked = new EnumMap<>(StackService.class);
        while (parked.size() < StackService.backends().size() && System.nanoTime() < deadline) {
            for (StackService service : StackService.backends()) {
                for (JsonNode row : PinApi.expect(operator.get(service.url() + "/admin/outbox/parked"), 200).body()) {
                    if (key.equals(row.path("key").asText())) {
                        parked.put(service, row);
                    }
                }
            }
            Thread.sleep(200);
        }
        return parked;
    }

    /** Each service's count of rows waiting behind its parked row of the key, once each has one (or the time is up). */
    private Map<StackService, Long> awaitWaiting(String key) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN_SECONDS.toNanos();
        Map<StackService, Long> waiting = new EnumMap<>(StackService.class);
        do {
            awaitParked(key).forEach((service, row) -> waiting.put(service, row.path("waiting").asLong()));
        } while (waiting.values().stream().anyMatch(count -> count < 1) && System.nanoTime() < deadline);
        return waiting;
    }

    /** Two writers' rows of one key interleaved: at any point no more rows behind have left than parked rows. */
    private static boolean eachBehindItsPoison(List<String> values, String poison, String behind) {
        int balance = 0;
        for (String value : values) {
            balance += value.equals(poison) ? 1 : value.equals(behind) ? -1 : 0;
            if (balance < 0) {
                return false;
            }
        }
        return true;
    }

    /** How many parked rows of the key each service took back, once the cause is fixed. */
    private Map<StackService, Integer> retryParked(String key) {
        Map<StackService, Integer> retried = new EnumMap<>(StackService.class);
        for (StackService service : StackService.backends()) {
            for (JsonNode row : PinApi.expect(operator.get(service.url() + "/admin/outbox/parked"), 200).body()) {
                if (key.equals(row.path("key").asText())) {
                    PinApi.expect(operator.post(service.url() + "/admin/outbox/parked/" + row.path("id").asLong()
                            + "/retry", null), 204);
                    retried.merge(service, 1, Integer::sum);
                }
            }
        }
        return retried;
    }

    private Optional<Instant> awaitLockInBothProjections(String contract, Instant unlocksAt) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (projections.scheduler(contract).equals(Optional.of(unlocksAt))
                    && projections.reservation(contract).equals(Optional.of(unlocksAt))) {
                return Optional.of(unlocksAt);
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** Sets the topics' message limit; returns each topic's own setting before, empty where it had none. */
    private static Map<ConfigResource, Optional<String>> limit(Admin admin, Collection<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Optional<String>> previous = new HashMap<>();
        admin.describeConfigs(resources).all().get().forEach((resource, config) -> {
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            previous.put(resource, entry != null && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                    ? Optional.of(entry.value()) : Optional.empty());
        });
        Map<ConfigResource, Collection<AlterConfigOp>> change = new HashMap<>();
        resources.forEach(resource -> change.put(resource, List.of(new AlterConfigOp(new ConfigEntry(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TOPIC_LIMIT_BYTES)), AlterConfigOp.OpType.SET))));
        admin.incrementalAlterConfigs(change).all().get();
        return previous;
    }

    private static void restore(Admin admin, Map<ConfigResource, Optional<String>> previous) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> change = new HashMap<>();
        previous.forEach((resource, value) -> change.put(resource, List.of(value
                .map(limit -> new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, limit),
                        AlterConfigOp.OpType.SET))
                .orElse(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, null),
                        AlterConfigOp.OpType.DELETE)))));
        admin.incrementalAlterConfigs(change).all().get();
    }
}
