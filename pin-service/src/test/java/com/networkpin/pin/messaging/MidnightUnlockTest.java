package com.networkpin.pin.messaging;

import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.publish;
import static com.networkpin.pin.TestData.tokyo;
import static com.networkpin.pin.TestData.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.testinfra.TopicReader;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.pin.TestData;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class MidnightUnlockTest {

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @Test
    void givenLockedPins_whenTheMidnightUnlockArrives_thenTheDueOnesUnlockOnceAndARedeliveryChangesNothing() {
        LocalDate date = LocalDate.of(2031, 3, 5);
        Instant midnight = tokyo("2031-03-05T00:00:00");
        String dueTonight = lockedAt(tokyo("2031-03-04T22:00:00"));
        String dueTomorrow = lockedAt(tokyo("2031-03-05T00:00:00"));
        EventEnvelope<MidnightUnlock> envelope = EventEnvelope.of(MidnightUnlock.eventIdFor(date), 1, midnight,
                new MidnightUnlock(date, midnight, 1, midnight));

        clock.moveTo(tokyo("2031-03-05T00:00:03"));
        publish(Topics.MIDNIGHT_UNLOCKS, date.toString(), envelope);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asChannel().get("/contracts/{id}/pin", dueTonight).then().body("status", equalTo("ACTIVE")));
        asChannel().get("/contracts/{id}/pin", dueTonight).then().body("consecutiveFailures", equalTo(0))
                .body("remainingAttempts", equalTo(3));
        assertEquals(envelope.id().toString(), unlockCause(dueTonight));
        asChannel().get("/contracts/{id}/pin", dueTomorrow).then().body("status", equalTo("LOCKED"));

        // A lock due by the same midnight that commits after the run: the redelivery's sweep lifts it too.
        clock.moveTo(tokyo("2031-03-04T23:30:00"));
        String lockedAfterTheRun = lockedAt(tokyo("2031-03-04T23:30:00"));
        clock.moveTo(tokyo("2031-03-05T00:10:00"));
        publish(Topics.MIDNIGHT_UNLOCKS, date.toString(), envelope);
        String sentinel = "not an event " + UUID.randomUUID();
        publish(Topics.MIDNIGHT_UNLOCKS, date.toString(), sentinel);

        // The unparseable sentinel behind the redelivery reaches the dead-letter topic once the redelivery is handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readUntilQuiet(Topics.deadLetter(Topics.MIDNIGHT_UNLOCKS),
                Duration.ofMillis(500)).stream().anyMatch(r -> sentinel.equals(r.value())));
        assertEquals(1, countEvents(pool, dueTonight, "Unlocked"), "a redelivery unlocks nothing twice");
        assertEquals(1, countEvents(pool, lockedAfterTheRun, "Unlocked"));
        assertEquals(envelope.id().toString(), unlockCause(lockedAfterTheRun));
        asChannel().get("/contracts/{id}/pin", dueTomorrow).then().body("status", equalTo("LOCKED"));
        assertTrue(verify(dueTonight, "4827").extract().body().asString().contains("VERIFIED"));
    }

    private String lockedAt(Instant at) {
        String contract = TestData.lockedAt(clock, at);
        asChannel().get("/contracts/{id}/pin", contract).then().body("status", equalTo("LOCKED"));
        return contract;
    }

    private String unlockCause(String contract) {
        return pool.preparedQuery("SELECT data->>'causeEventId' FROM es_event WHERE stream_id = $1 AND event_type = 'Unlocked'")
                .execute(Tuple.of(contract)).await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    }
}
