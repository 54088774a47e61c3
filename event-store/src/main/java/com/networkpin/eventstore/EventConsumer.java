package com.networkpin.eventstore;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.LogSafe;
import com.networkpin.events.UnreadableEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The idempotent way to consume: one transaction per batch records the batch's new event ids in
 * the inbox, applies only those, and queues unreadable records for the dead-letter topic. A
 * redelivered event therefore changes nothing, and a bad message never stops the consumer.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Transactions transactions;
    private final Inbox inbox;
    private final Outbox outbox;

    public EventConsumer(Transactions transactions, Inbox inbox, Outbox outbox) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    public Uni<Void> consume(String consumer, List<IncomingRecord> records, Projection projection) {
        Map<UUID, EventEnvelope<DomainEvent>> readable = new LinkedHashMap<>(); // keeps order, drops in-batch repeats
        List<OutboxMessage> deadLetters = new ArrayList<>();
        for (IncomingRecord record : records) {
            try {
                EventEnvelope<DomainEvent> envelope = EventJson.read(record.value() == null ? "" : record.value());
                readable.putIfAbsent(envelope.id(), envelope);
            } catch (UnreadableEventException e) {
                LOG.warnf("%s: dead-lettering %s-%d@%d: %s", consumer, record.topic(), record.partition(),
                        record.offset(), LogSafe.message(e));
                deadLetters.add(OutboxMessage.deadLetter(record, e.getMessage()));
            }
        }
        if (readable.isEmpty() && deadLetters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transactions.inTransaction(tx -> outbox.enqueue(tx, deadLetters)
                .chain(() -> inbox.claim(tx, consumer, readable.keySet()))
                .chain(fresh -> {
                    List<EventEnvelope<DomainEvent>> unseen = unseen(readable, fresh);
                    return unseen.isEmpty() ? Uni.createFrom().voidItem() : projection.apply(tx, unseen);
                }));
    }

    private static List<EventEnvelope<DomainEvent>> unseen(Map<UUID, EventEnvelope<DomainEvent>> readable,
                                                           Set<UUID> fresh) {
        return readable.values().stream().filter(e -> fresh.contains(e.id())).toList();
    }
}
