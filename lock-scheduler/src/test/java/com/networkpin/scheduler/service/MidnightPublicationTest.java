package com.networkpin.scheduler.service;

import static com.networkpin.scheduler.TestDates.japan;
import static com.networkpin.scheduler.TestDates.randomFutureDate;
import static com.networkpin.testinfra.TopicReader.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.scheduler.PinEvents;
import com.networkpin.testinfra.TopicReader;
import com.networkpin.scheduler.store.PendingLockStore;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class MidnightPublicationTest {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final MovableClock clock;
    private final MidnightPublisher publisher;
    private final SchedulerInstances instances;
    private final PendingLockStore locks;

    MidnightPublicationTest(MovableClock clock, MidnightPublisher publisher, SchedulerInstances instances,
                            PendingLockStore locks) {
        this.clock = clock;
        this.publisher = publisher;
        this.instances = instances;
        this.locks = locks;
    }

    @Test
    void crossingMidnightInJapanPublishesOneMidnightUnlockWithTheMidnightsInstant() {
        LocalDate date = randomFutureDate();
        Instant midnight = japan(date, LocalTime.MIDNIGHT);
        clock.moveTo(midnight.minusSeconds(2));

        clock.advance(Duration.ofSeconds(3)); // the scheduler's own tick notices the new date

        List<ConsumerRecord<String, String>> records = midnightUnlocksOf(date);
        assertEquals(1, records.size(), "one MidnightUnlock for the date");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(date.toString(), record.key());
        assertEquals("network-pin.MidnightUnlock", header(record, CloudEventHeaders.TYPE));
        assertEquals(MidnightUnlock.eventIdFor(date).toString(), header(record, CloudEventHeaders.ID));
        EventEnvelope<DomainEvent> envelope = EventJson.read(record.value());
        assertEquals(MidnightUnlock.eventIdFor(date), envelope.id());
        assertEquals("MidnightUnlock", envelope.type());
        assertEquals(midnight, envelope.occurredAt());
        MidnightUnlock event = (MidnightUnlock) envelope.data();
        assertEquals(date, event.date());
        assertEquals(midnight, event.midnight());

        assertEquals(Optional.empty(), publisher.publishDue().await().atMost(Duration.ofSeconds(10)),
                "a second tick the same night publishes nothing");
        assertEquals(1, midnightUnlocksOf(date).size());
    }

    @Test
    void twoSchedulersTickingAtOnceAcrossTheSameMidnightPublishOneEvent() throws Exception {
        LocalDate date = randomFutureDate();
        Instant justPast = japan(date, LocalTime.of(0, 0, 1));
        List<MidnightPublisher> schedulers = List.of(instances.publisherAt(justPast), instances.publisherAt(justPast));
        int ticksPerScheduler = 4;
        ExecutorService threads = Executors.newFixedThreadPool(schedulers.size() * ticksPerScheduler);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<MidnightUnlock>>> ticks = new ArrayList<>();
        try {
            for (MidnightPublisher scheduler : schedulers) {
                for (int i = 0; i < ticksPerScheduler; i++) {
                    ticks.add(threads.submit(() -> {
                        start.await();
                        return scheduler.publishDue().await().atMost(Duration.ofSeconds(30));
                    }));
                }
            }
            start.countDown();
            int published = 0;
            for (Future<Optional<MidnightUnlock>> tick : ticks) {
                published += tick.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, published, "exactly one tick of one scheduler published");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, midnightUnlocksOf(date).size());
    }

    @Test
    void aSchedulerDownOverMidnightPublishesTheMissedMidnightWhenItStartsAtThree() {
        LocalDate date = randomFutureDate();
        MidnightUnlock previous = instances.publisherAt(japan(date.minusDays(1), LocalTime.of(0, 0, 1)))
                .publishDue().await().atMost(Duration.ofSeconds(10)).orElseThrow();
        String contract = PinEvents.newContractId();
        Instant midnight = japan(date, LocalTime.MIDNIGHT);
        PinEvents.publish(contract, List.of(PinEvents.envelope(PinEvents.locked(contract, midnight))));
        await().atMost(KAFKA_TIMEOUT).until(() -> locks.find(contract).await().indefinitely().isPresent());
        // the scheduler went down before midnight and is started again at 03:00
        Instant threeAm = japan(date, LocalTime.of(3, 0));

        new MidnightTicker(instances.publisherAt(threeAm)).atStartUp(null);

        List<ConsumerRecord<String, String>> records = midnightUnlocksOf(date);
        assertEquals(1, records.size(), "one catch-up MidnightUnlock");
        MidnightUnlock caughtUp = (MidnightUnlock) EventJson.read(records.get(0).value()).data();
        assertEquals(midnight, caughtUp.midnight());
        assertEquals(threeAm, caughtUp.publishedAt());
        assertEquals(previous.pendingLocks() + 1, caughtUp.pendingLocks(), "the lock due at the missed midnight");
    }

    private static List<ConsumerRecord<String, String>> midnightUnlocksOf(LocalDate date) {
        return TopicReader.withKey(Topics.MIDNIGHT_UNLOCKS, date.toString(), KAFKA_TIMEOUT);
    }
}
