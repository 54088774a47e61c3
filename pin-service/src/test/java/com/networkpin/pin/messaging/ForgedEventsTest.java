package com.networkpin.pin.messaging;

import static com.networkpin.pin.TestData.awaitGrants;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.events.VisitPurpose;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.pin.TestData;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import com.networkpin.testinfra.TopicReader;
import com.networkpin.testinfra.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only the reservation-service can say an identity was verified, only the lock-scheduler can
 * announce a midnight: the brokers refuse anyone else's write, and the pin-service dead-letters an
 * event that does not name its owner as its source.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class ForgedEventsTest {

    private static final String SHOP = "tokyo-shinjuku-west";

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @Test
    void aProducerAuthenticatedAsTheLockSchedulerCannotPublishAnIdentityCheck() {
        String forged = newContractId();
        String genuine = newContractId();
        setPin(forged, "4827").statusCode(201);
        setPin(genuine, "4827").statusCode(201);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> sendAs(KafkaAccess.LOCK_SCHEDULER, forged, identityVerified(forged)));
        sendAs(KafkaAccess.RESERVATION_SERVICE, genuine, identityVerified(genuine));

        assertInstanceOf(TopicAuthorizationException.class, TopicWriter.refusal(refused), refused.toString());
        awaitGrants(pool, genuine, 1); // the same event from its owner is granted
        assertEquals(0, countEvents(pool, forged, "ResetGranted"));
    }

    @Test
    void anIdentityCheckNotFromTheReservationServiceIsDeadLetteredAndTheNextIsGranted() {
        String forged = newContractId();
        String genuine = newContractId();
        setPin(forged, "4827").statusCode(201);
        setPin(genuine, "4827").statusCode(201);
        EventEnvelope<IdentityVerified> forgery = identityVerified(forged);

        TopicWriter.send(Topics.RESERVATION_EVENTS, forged, List.of(withSource(forgery, "/network-pin/lock-scheduler")));
        TopicWriter.publish(forged, identityVerified(genuine)); // same key: behind the forgery on its partition

        awaitGrants(pool, genuine, 1);
        assertEquals(0, countEvents(pool, forged, "ResetGranted"));
        assertEquals("IdentityVerified must come from /network-pin/reservation-service, but its ce_source is "
                + "/network-pin/lock-scheduler", deadLetterReason(Topics.RESERVATION_EVENTS, forgery));
    }

    @Test
    void aMidnightUnlockNotFromTheLockSchedulerIsDeadLetteredAndUnlocksNothing() {
        // A date no other test announces: only this one's MidnightUnlock could lift the lock.
        LocalDate date = LocalDate.of(2090, 6, 9);
        Instant midnight = tokyo("2090-06-09T00:00:00");
        String locked = TestData.lockedAt(clock, tokyo("2090-06-08T21:00:00"));
        clock.moveTo(tokyo("2090-06-09T00:00:05"));
        EventEnvelope<MidnightUnlock> midnightUnlock = EventEnvelope.of(MidnightUnlock.eventIdFor(date), 1, midnight,
                new MidnightUnlock(date, midnight, 1, midnight));
        Map<String, String> withoutSource = new HashMap<>(CloudEventHeaders.of(midnightUnlock));
        withoutSource.remove(CloudEventHeaders.SOURCE);

        TopicWriter.send(Topics.MIDNIGHT_UNLOCKS, date.toString(),
                List.of(new TopicWriter.Message(TopicWriter.asPublished(midnightUnlock).value(), withoutSource)));

        assertEquals("MidnightUnlock must come from /network-pin/lock-scheduler, but its ce_source is missing",
                deadLetterReason(Topics.MIDNIGHT_UNLOCKS, midnightUnlock));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> countEvents(pool, locked, "Unlocked") == 0);

        // The same event from its owner is applied: the forgery left nothing behind (not even its id in the inbox).
        TopicWriter.publish(date.toString(), midnightUnlock);
        await().atMost(Duration.ofSeconds(30)).until(() -> countEvents(pool, locked, "Unlocked") == 1);
    }

    private static void sendAs(String principal, String key, EventEnvelope<? extends DomainEvent> envelope) {
        TopicWriter.send(Infrastructure.get().kafka().clientConfig(principal), Topics.RESERVATION_EVENTS, key,
                List.of(TopicWriter.asPublished(envelope)));
    }

    private static TopicWriter.Message withSource(EventEnvelope<?> envelope, String source) {
        TopicWriter.Message published = TopicWriter.asPublished(envelope);
        Map<String, String> headers = new HashMap<>(published.headers());
        headers.put(CloudEventHeaders.SOURCE, source);
        return new TopicWriter.Message(published.value(), headers);
    }

    private static String deadLetterReason(String topic, EventEnvelope<?> envelope) {
        String value = TopicWriter.asPublished(envelope).value();
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(Topics.deadLetter(topic),
                record -> value.equals(record.value()), 1, Duration.ofSeconds(30));
        assertEquals(1, deadLetters.size(), "dead-lettered once");
        return new String(deadLetters.get(0).headers().lastHeader(OutboxMessage.DEAD_LETTER_REASON).value(),
                StandardCharsets.UTF_8);
    }

    private static EventEnvelope<IdentityVerified> identityVerified(String contract) {
        Instant now = Instant.now();
        return EventEnvelope.of(UUID.randomUUID(), 2, now, new IdentityVerified("R-" + UUID.randomUUID(), contract,
                SHOP, VisitPurpose.PIN_RESET, IdDocument.MY_NUMBER_CARD, "staff-3", now));
    }
}
