package com.networkpin.pin.messaging;

import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.outbox.ParkedOutbox;
import com.networkpin.eventstore.outbox.ParkedRow;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A row for a topic the brokers do not let the pin-service write (a midnight is the lock-scheduler's
 * to announce) is refused by the ACLs: the relay parks it with the reason and the PIN events flow on.
 */
@QuarkusTest
class OutboxAclRefusalTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Transactions transactions;
    private final Outbox outbox;
    private final ParkedOutbox parked;

    OutboxAclRefusalTest(Transactions transactions, Outbox outbox, ParkedOutbox parked) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.parked = parked;
    }

    @Test
    void aRowForATopicThePinServiceMayNotWriteIsParkedAndPinEventsKeepFlowing() {
        String key = "acl-refusal-" + UUID.randomUUID();
        transactions.inTransaction(tx -> outbox.enqueue(tx, List.of(new OutboxMessage(Topics.MIDNIGHT_UNLOCKS, key,
                Map.of("ce_type", "network-pin.MidnightUnlock"), "{}")))).await().atMost(TIMEOUT);
        String contract = newContractId();

        setPin(contract, "4827").statusCode(201);

        assertEquals(1, TopicReader.read(Topics.PIN_EVENTS, record -> contract.equals(record.key()), 1, TIMEOUT).size(),
                "the PIN's event is published");
        ParkedRow row = await().atMost(TIMEOUT).until(() -> parked.list().await().atMost(TIMEOUT).stream()
                .filter(r -> r.key().equals(key)).toList(), rows -> rows.size() == 1).get(0);
        assertEquals(Topics.MIDNIGHT_UNLOCKS, row.topic());
        assertTrue(row.reason().contains("TopicAuthorizationException"), row.reason());
        assertTrue(parked.discard(row.id()).await().atMost(TIMEOUT));
    }
}
