package com.networkpin.pin.messaging;

import static com.networkpin.pin.TestData.awaitGrants;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.publish;
import static com.networkpin.pin.TestData.setPin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.Topics;
import com.networkpin.events.VisitPurpose;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PoisonIdentityVerifiedTest {

    @Inject
    Pool pool;

    @Test
    void anIdentityCheckWhoseGrantCannotBeComputedIsDeadLetteredAndTheNextOneIsGranted() {
        String poisoned = newContractId();
        String next = newContractId();
        setPin(poisoned, "4827").statusCode(201);
        setPin(next, "4827").statusCode(201);
        // Parses, but its grant's expiry (verifiedAt + the grant lifetime) is beyond the last instant.
        EventEnvelope<IdentityVerified> poisonEvent = identityVerified(poisoned, Instant.MAX.minusSeconds(60));
        String poison = EventJson.write(poisonEvent);

        publish(Topics.RESERVATION_EVENTS, poisoned, poisonEvent);
        // Same key: behind the poison event on its partition.
        publish(Topics.RESERVATION_EVENTS, poisoned, identityVerified(next, Instant.now()));

        awaitGrants(pool, next, 1);
        assertEquals(0, countEvents(pool, poisoned, "ResetGranted"));
        List<ConsumerRecord<String, String>> deadLetters = TopicReader.read(
                Topics.deadLetter(Topics.RESERVATION_EVENTS), r -> poison.equals(r.value()), 1, Duration.ofSeconds(30));
        assertEquals(1, deadLetters.size());
        String reason = new String(deadLetters.get(0).headers().lastHeader(OutboxMessage.DEAD_LETTER_REASON).value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("not applied after 5 attempts: "), reason);
    }

    private static EventEnvelope<IdentityVerified> identityVerified(String contract, Instant verifiedAt) {
        return EventEnvelope.of(UUID.randomUUID(), 2, Instant.now(), new IdentityVerified("R-" + UUID.randomUUID(),
                contract, "tokyo-shinjuku-west", VisitPurpose.PIN_RESET, IdDocument.MY_NUMBER_CARD, "staff-3",
                verifiedAt));
    }
}
