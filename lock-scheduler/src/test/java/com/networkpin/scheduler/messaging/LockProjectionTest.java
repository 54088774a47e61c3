package com.networkpin.scheduler.messaging;

import static com.networkpin.scheduler.PinEvents.envelope;
import static com.networkpin.scheduler.PinEvents.locked;
import static com.networkpin.scheduler.PinEvents.newContractId;
import static com.networkpin.scheduler.PinEvents.publish;
import static com.networkpin.scheduler.TestDates.japan;
import static com.networkpin.scheduler.TestDates.randomFutureDate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.AttemptFailed;
import com.networkpin.events.Channel;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.scheduler.PinEvents;
import com.networkpin.testinfra.TopicReader;
import com.networkpin.scheduler.domain.PendingLock;
import com.networkpin.scheduler.domain.PublishedMidnight;
import com.networkpin.scheduler.service.SchedulerInstances;
import com.networkpin.scheduler.store.MidnightStore;
import com.networkpin.scheduler.store.PendingLockStore;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LockProjectionTest {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final PendingLockStore locks;
    private final MidnightStore midnights;
    private final SchedulerInstances instances;
    private final Pool pool;

    LockProjectionTest(PendingLockStore locks, MidnightStore midnights, SchedulerInstances instances, Pool pool) {
        this.locks = locks;
        this.midnights = midnights;
        this.instances = instances;
        this.pool = pool;
    }

    @Test
    void aLockedEventBecomesAPendingLockUntilItsMidnight() {
        String contract = newContractId();
        Instant midnight = japan(randomFutureDate(), LocalTime.MIDNIGHT);
        var event = locked(contract, midnight);

        publish(contract, List.of(envelope(event)));

        awaitLockOf(contract);
        assertEquals(Optional.of(new PendingLock(contract, event.lockedAt(), midnight)), lockOf(contract));
    }

    @Test
    void theStreamSequenceOrdersALocksEventsNotTheirClockTimesNorTheirDelivery() {
        String skewed = newContractId();
        String late = newContractId();
        Instant midnight = japan(randomFutureDate(), LocalTime.MIDNIGHT);
        Instant now = Instant.now();
        // Two pin-service instances, the second one's clock 10 minutes behind: the unlock "happened before" the lock.
        publish(skewed, List.of(envelope(locked(skewed, midnight), 5, now),
                envelope(PinEvents.unlockedByReset(skewed, now.minusSeconds(600)), 7, now.minusSeconds(600)),
                envelope(locked(skewed, midnight.plusSeconds(86_400)), 11, now.minusSeconds(590))));
        // A Locked that arrives after the Unlocked that followed it in its stream, in a later batch.
        publish(late, List.of(envelope(PinEvents.unlockedByReset(late, now), 8, now)));
        awaitPosition(late, 8);
        String marker = newContractId();
        publish(late, List.of(envelope(locked(late, midnight), 6, now.minusSeconds(1)),
                envelope(locked(marker, midnight), 1, now)));

        awaitLockOf(marker);
        assertEquals(Optional.of(midnight.plusSeconds(86_400)), lockOf(skewed).map(PendingLock::unlocksAt),
                "the newest in the stream stands, although its clock time is the oldest");
        assertEquals(Optional.empty(), lockOf(late), "an older Locked does not bring a lifted lock back");
    }

    @Test
    void aLockedEventDeliveredAgainAfterItsUnlockChangesNothing() {
        String contract = newContractId();
        var lockedOnce = envelope(locked(contract, japan(randomFutureDate(), LocalTime.MIDNIGHT)));
        String firstMarker = newContractId();
        publish(contract, List.of(lockedOnce,
                envelope(PinEvents.unlockedByReset(contract, Instant.now())),
                envelope(locked(firstMarker, japan(randomFutureDate(), LocalTime.MIDNIGHT)))));
        awaitLockOf(firstMarker);
        String secondMarker = newContractId();

        publish(contract, List.of(lockedOnce, // redelivered, in a later batch than the first delivery
                envelope(locked(secondMarker, japan(randomFutureDate(), LocalTime.MIDNIGHT)))));

        awaitLockOf(secondMarker);
        assertEquals(Optional.empty(), lockOf(contract), "the unlock still stands");
    }

    @Test
    void unlockedAndPinResetRemoveTheLock() {
        String unlocked = newContractId();
        String reset = newContractId();
        String marker = newContractId();
        Instant midnight = japan(randomFutureDate(), LocalTime.MIDNIGHT);
        publish(unlocked, List.of(envelope(locked(unlocked, midnight)), envelope(locked(reset, midnight))));
        awaitLockOf(unlocked);
        awaitLockOf(reset);

        publish(unlocked, List.of(
                envelope(PinEvents.unlockedAtMidnight(unlocked, UUID.randomUUID(), midnight)),
                envelope(PinEvents.reset(reset, midnight.minusSeconds(60))),
                envelope(locked(marker, midnight))));

        awaitLockOf(marker);
        assertEquals(Optional.empty(), lockOf(unlocked));
        assertEquals(Optional.empty(), lockOf(reset));
    }

    @Test
    void anUnlockAtMidnightDeliveredTwiceIsCountedOnceForItsMidnight() {
        LocalDate date = randomFutureDate();
        Instant midnight = japan(date, LocalTime.MIDNIGHT);
        instances.publisherAt(midnight.plusSeconds(1)).publishDue().await().atMost(Duration.ofSeconds(10)).orElseThrow();
        UUID cause = MidnightUnlock.eventIdFor(date);
        String first = newContractId();
        var unlockFirst = envelope(PinEvents.unlockedAtMidnight(first, cause, midnight.plusSeconds(2)));
        String marker = newContractId();

        publish(first, List.of(unlockFirst, unlockFirst,
                envelope(PinEvents.unlockedAtMidnight(newContractId(), cause, midnight.plusSeconds(2))),
                envelope(locked(marker, midnight.plusSeconds(86_400)))));

        awaitLockOf(marker);
        PublishedMidnight published = midnights.find(date).await().atMost(Duration.ofSeconds(5)).orElseThrow();
        assertEquals(2, published.unlockedCount());
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheNextOneApplied() {
        String key = newContractId();
        String unreadable = "{\"type\":\"Locked\",\"data\":" + key;
        String marker = newContractId();

        PinEvents.publishRaw(key, unreadable);
        publish(key, List.of(envelope(locked(marker, japan(randomFutureDate(), LocalTime.MIDNIGHT)))));

        awaitLockOf(marker);
        List<ConsumerRecord<String, String>> deadLetters =
                TopicReader.withKey(Topics.deadLetter(Topics.PIN_EVENTS), key, KAFKA_TIMEOUT);
        assertEquals(List.of(unreadable), deadLetters.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void pinEventsThatNeverChangeALockAreNotRecordedInTheInbox() {
        String contract = newContractId();
        var attempt = envelope(new AttemptFailed(contract, Channel.MY_DOCOMO, 1, 2, Instant.now()));
        var marker = envelope(locked(contract, japan(randomFutureDate(), LocalTime.MIDNIGHT)));

        publish(contract, List.of(attempt, marker));

        awaitLockOf(contract);
        assertEquals(List.of(marker.id()), inboxed(List.of(attempt.id(), marker.id())));
    }

    private List<UUID> inboxed(List<UUID> eventIds) {
        return pool.preparedQuery("SELECT event_id FROM es_inbox WHERE consumer = $1 AND event_id = ANY($2)")
                .execute(Tuple.of(PinEventsConsumer.CONSUMER, eventIds.toArray(UUID[]::new)))
                .await().atMost(Duration.ofSeconds(5))
                .stream().map(row -> row.getUUID(0)).toList();
    }

    private Optional<PendingLock> lockOf(String contract) {
        return locks.find(contract).await().atMost(Duration.ofSeconds(5));
    }

    private void awaitLockOf(String contract) {
        await().atMost(KAFKA_TIMEOUT).until(() -> lockOf(contract).isPresent());
    }

    private void awaitPosition(String contract, long sequence) {
        await().atMost(KAFKA_TIMEOUT).until(() -> pool.preparedQuery(
                        "SELECT 1 FROM pin_stream_position WHERE contract_id = $1 AND sequence = $2")
                .execute(Tuple.of(contract, sequence)).await().atMost(KAFKA_TIMEOUT).rowCount() == 1);
    }
}
