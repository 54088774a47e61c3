package com.networkpin.system;

import java.util.HashMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.Locked;
import com.networkpin.events.PinEvent;
import com.networkpin.events.Topics;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F4: the PIN topic's two consumers (lock-scheduler, reservation-service) get the same event twice
 * and one message that is no event at all. Contract X is locked then unlocked; the redelivered
 * Locked of X must not lock it again. The unreadable message goes to the dead-letter topic, once
 * per consuming service, and a later valid event (a lock of contract Y, on the same partition, so
 * behind the bad one) is still applied.
 */
@ExtendWith(RunningSystem.class)
class DuplicateAndUnreadableEventTest {

    private static final int CONSUMING_SERVICES = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LockProjections projections = new LockProjections();

    @Test
    void aRedeliveredEventChangesNothingAndAnUnreadableOneIsDeadLetteredWhileConsumingGoesOn() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String x = "F4-X-" + suffix;
        String y = "F4-Y-" + suffix;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant unlocksAt = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1)
                .atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant();
        EventEnvelope<PinEvent> lockedX = envelope(1, now, new Locked(x, now, unlocksAt));
        EventEnvelope<PinEvent> unlockedX = envelope(2, now.plusSeconds(1),
                new Unlocked(x, UnlockReason.RESET, UUID.randomUUID(), now.plusSeconds(1)));
        EventEnvelope<PinEvent> lockedY = envelope(1, now.plusSeconds(2), new Locked(y, now.plusSeconds(2), unlocksAt));
        EventEnvelope<PinEvent> unlockedY = envelope(2, now.plusSeconds(3),
                new Unlocked(y, UnlockReason.RESET, UUID.randomUUID(), now.plusSeconds(3)));
        String unreadable = "F4 not an event " + suffix + " {";

        try (KafkaProducer<String, String> producer = producer()) {
            int partition = send(producer, null, lockedX).partition();
            boolean lockedXApplied = await(() -> isLocked(x, unlocksAt));
            send(producer, partition, unlockedX);
            boolean unlockedXApplied = lockedXApplied && await(() -> isUnlocked(x));
            assertTrue(unlockedXApplied, "Locked, then Unlocked, applied by both projections");

            send(producer, partition, lockedX); // the same record again: a redelivery
            producer.send(new ProducerRecord<>(Topics.PIN_EVENTS, partition, x, unreadable)).get();
            send(producer, partition, lockedY); // behind both on the same partition
            boolean consumingGoesOn = await(() -> isLocked(y, unlocksAt));
            boolean duplicateChangedNothing = isUnlocked(x);

            List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(Topics.deadLetter(Topics.PIN_EVENTS),
                    record -> unreadable.equals(record.value()), CONSUMING_SERVICES, TIMEOUT);

            send(producer, partition, unlockedY); // leaves no pending lock behind for other tests
            boolean cleanedUp = await(() -> isUnlocked(y));

            new FaultFigures("F4 duplicate and unreadable message on " + Topics.PIN_EVENTS)
                    .put("expected", 4).put("delivered", 5).put("duplicated", 1)
                    .put("applied", 2 + (consumingGoesOn ? 1 : 0) + (cleanedUp ? 1 : 0))
                    .put("lost", (consumingGoesOn ? 0 : 1) + (cleanedUp ? 0 : 1))
                    .put("duplicateApplied", duplicateChangedNothing ? 0 : 1)
                    .put("unreadable", 1).put("deadLettered", deadLetters.size())
                    .print();

            assertTrue(duplicateChangedNothing, "the redelivered Locked did not lock the contract again");
            assertTrue(consumingGoesOn, "a valid event behind the unreadable one is applied by both projections");
            assertEquals(CONSUMING_SERVICES, deadLetters.size(), "one dead letter per consuming service");
            assertTrue(deadLetters.stream().allMatch(record -> x.equals(record.key())), "the dead letter keeps its key");
            assertTrue(cleanedUp, "the last valid event is applied too");
        }
    }

    private boolean isLocked(String contractId, Instant until) {
        return projections.scheduler(contractId).equals(Optional.of(until))
                && projections.reservation(contractId).equals(Optional.of(until));
    }

    /** Neither projection holds a lock (checked after a lock was seen, so it tells the Unlocked was applied). */
    private boolean isUnlocked(String contractId) {
        return projections.scheduler(contractId).isEmpty()
                && projections.reservation(contractId).isEmpty();
    }

    private static EventEnvelope<PinEvent> envelope(long sequence, Instant occurredAt, PinEvent event) {
        return EventEnvelope.of(UUID.randomUUID(), sequence, occurredAt, event);
    }

    /** As the outbox relay sends it: key = subject, CloudEvents headers, the envelope as JSON. */
    private static RecordMetadata send(KafkaProducer<String, String> producer, Integer partition,
                                       EventEnvelope<PinEvent> envelope) throws ExecutionException, InterruptedException {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PIN_EVENTS, partition, envelope.subject(),
                EventJson.write(envelope));
        CloudEventHeaders.of(envelope).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record).get();
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(Infrastructure.get().kafka().adminConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}

