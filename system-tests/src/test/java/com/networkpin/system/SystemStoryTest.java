package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.launcher.DemoPrinter;
import com.networkpin.launcher.DemoStory;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.testinfra.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's story end to end: the three packaged services as separate processes, one real Kafka
 * and one real PostgreSQL, driven through REST only; then every event is checked on its topic.
 * The fleet is the one {@link RunningSystem} shares with the fault tests.
 */
@ExtendWith(RunningSystem.class)
class SystemStoryTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void bothPathsEndWithAVerifiedPinAndEveryEventIsOnItsTopicInOrder() {
        DemoStory.Outcome outcome = new DemoStory(DemoPrinter.silent(), RunningSystem.actors()).run();
        boolean disclosed = outcome.replies().get("disclosure").status() == 200;

        List<String> expectedPinEvents = new ArrayList<>(List.of("PinSet", "AttemptFailed", "AttemptFailed",
                "AttemptFailed", "Locked", "AttemptRefused"));
        if (disclosed) {
            expectedPinEvents.add("PinDisclosed");
        }
        int unlockedAt = expectedPinEvents.size();
        expectedPinEvents.addAll(List.of("Unlocked", "AttemptSucceeded"));
        // The last one is the victim's check after the take-over attempt, which itself recorded nothing.
        expectedPinEvents.addAll(List.of("ResetGranted", "PinReset", "AttemptSucceeded", "AttemptSucceeded"));
        List<EventEnvelope<DomainEvent>> pinEvents = eventsOf(Topics.PIN_EVENTS, outcome.contractId(),
                expectedPinEvents.size());
        assertEquals(expectedPinEvents, pinEvents.stream().map(EventEnvelope::type).toList());
        assertEquals(LongStream.rangeClosed(1, pinEvents.size()).boxed().toList(),
                pinEvents.stream().map(EventEnvelope::sequence).toList(), "sequence numbers, in order");

        Unlocked unlocked = (Unlocked) pinEvents.get(unlockedAt).data();
        assertEquals(UnlockReason.MIDNIGHT, unlocked.reason());
        List<EventEnvelope<DomainEvent>> midnights = TopicReader.readAll(Topics.MIDNIGHT_UNLOCKS, 1, READ_TIMEOUT)
                .stream().map(r -> EventJson.read(r.value())).toList();
        assertTrue(midnights.stream().anyMatch(m -> m.id().equals(unlocked.causeEventId())
                        && m.id().equals(MidnightUnlock.eventIdFor(((MidnightUnlock) m.data()).date()))),
                "the unlock names the published MidnightUnlock");

        List<EventEnvelope<DomainEvent>> visit = eventsOf(Topics.RESERVATION_EVENTS, outcome.reservationNumber(), 3);
        assertEquals(List.of("ReservationBooked", "IdentityVerified", "VisitCompleted"),
                visit.stream().map(EventEnvelope::type).toList());

        assertEquals(expectedPinEvents.size(), new PinApi(StackService.PIN_SERVICE.url()).history(outcome.contractId())
                .size(), "the refused take-over wrote no event");
        Http operator = RunningSystem.as(RunningSystem.actors().operator());
        assertEquals(404, operator.get(StackService.LOCK_SCHEDULER.url() + "/locks/" + outcome.contractId()).status(),
                "the scheduler's projection no longer holds the lock");
        Http holder = RunningSystem.as(RunningSystem.actors().customer(outcome.contractId()));
        assertEquals(1, holder.get(StackService.RESERVATION_SERVICE.url() + "/contracts/" + outcome.contractId()
                + "/reservations").body().size(), "the impostor's booking for the contract was not stored");
        assertEquals("VERIFIED", outcome.replies().get("verified-after-midnight").text("outcome"));
        assertEquals("VERIFIED", outcome.replies().get("verified-after-reset").text("outcome"));
        outcome.replies().forEach((step, reply) -> {
            if (step.startsWith("takeover-")) {
                assertTrue(reply.status() == 401 || reply.status() == 403, step + " was refused: " + reply.status());
                assertEquals(reply.status(), reply.body().path("status").asInt(), step + " answered a problem");
            }
        });
        assertEquals("VERIFIED", outcome.replies().get("victim-still-verifies").text("outcome"));
    }

    private static List<EventEnvelope<DomainEvent>> eventsOf(String topic, String key, int expected) {
        return TopicReader.read(topic, record -> key.equals(record.key()), expected, READ_TIMEOUT).stream()
                .map(record -> EventJson.read(record.value()))
                .toList();
    }
}
