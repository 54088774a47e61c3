package com.networkpin.eventstore;

import static org.awaitility.Awaitility.await;

import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.outbox.ParkedOutbox;
import com.networkpin.eventstore.outbox.ParkedRow;
import com.networkpin.eventstore.store.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/** The outbox as the relay tests use it: rows written in a transaction, and the parked row of a topic. */
@ApplicationScoped
public class OutboxRows {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Transactions transactions;
    private final Outbox outbox;
    private final ParkedOutbox parked;

    public OutboxRows(Transactions transactions, Outbox outbox, ParkedOutbox parked) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.parked = parked;
    }

    static OutboxMessage message(String topic, String key, String value) {
        return new OutboxMessage(topic, key, Map.of("ce_type", "test"), value);
    }

    void enqueue(OutboxMessage... messages) {
        transactions.inTransaction(tx -> outbox.enqueue(tx, Arrays.asList(messages))).await().atMost(TIMEOUT);
    }

    /** The one parked row of the topic, once there is one. */
    ParkedRow parkedOn(String topic) {
        return await().atMost(TIMEOUT).until(
                () -> parked.list().await().atMost(TIMEOUT).stream().filter(r -> r.topic().equals(topic)).toList(),
                rows -> rows.size() == 1).get(0);
    }
}
