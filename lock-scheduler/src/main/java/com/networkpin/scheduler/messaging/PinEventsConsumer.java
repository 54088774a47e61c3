package com.networkpin.scheduler.messaging;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Unlocked;
import com.networkpin.eventstore.consume.EventConsumer;
import com.networkpin.eventstore.consume.IncomingRecord;
import com.networkpin.scheduler.domain.LockChanges;
import com.networkpin.scheduler.store.MidnightStore;
import com.networkpin.scheduler.store.PendingLockStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects the PIN topic into pending locks and midnight unlock counts: one transaction, a few
 * batched statements and one inbox write per Kafka batch, so a midnight's burst of
 * {@code Unlocked} events is absorbed in batches rather than row by row.
 */
@ApplicationScoped
public class PinEventsConsumer {

    static final String CONSUMER = "lock-scheduler";

    private final EventConsumer consumer;
    private final PendingLockStore locks;
    private final MidnightStore midnights;

    public PinEventsConsumer(EventConsumer consumer, PendingLockStore locks, MidnightStore midnights) {
        this.consumer = consumer;
        this.locks = locks;
        this.midnights = midnights;
    }

    @Incoming(Channels.PIN_EVENTS)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // Only what changes a lock: attempts, disclosures… never reach the inbox.
        List<IncomingRecord> relevant = IncomingRecord.ofTypes(records, Locked.class, Unlocked.class, PinReset.class);
        // EventConsumer retries a database outage until it passes (the inbox makes that safe).
        return consumer.consume(CONSUMER, relevant, this::project);
    }

    private Uni<Void> project(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        LockChanges changes = LockChanges.fromEnvelopes(events);
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return locks.apply(tx, changes).chain(() -> midnights.countUnlocks(tx, changes.midnightUnlocks()));
    }
}
