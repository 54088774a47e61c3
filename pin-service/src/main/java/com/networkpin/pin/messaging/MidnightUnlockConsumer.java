package com.networkpin.pin.messaging;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.UnreadableEventException;
import com.networkpin.eventstore.EventConsumer;
import com.networkpin.eventstore.IncomingRecord;
import com.networkpin.pin.store.MidnightUnlocker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Lifts the locks due at each MidnightUnlock. The midnight is remembered first, then the unlock
 * sweep runs in chunked transactions of its own (a million locks do not fit one transaction);
 * only then is the event id recorded in the inbox, with the dead letters, by {@link EventConsumer}.
 * A crash in between redelivers the message and the sweep continues with the locks still due; a
 * redelivery just runs the sweep again. A midnight ahead of this service's clock (beyond the
 * tolerance) lifts nothing early: the sweep stops at the clock, and {@link UnlockSweep} applies the
 * rest once the clock reaches it.
 */
@ApplicationScoped
public class MidnightUnlockConsumer {

    private final EventConsumer consumer;
    private final MidnightUnlocker unlocker;

    public MidnightUnlockConsumer(EventConsumer consumer, MidnightUnlocker unlocker) {
        this.consumer = consumer;
        this.unlocker = unlocker;
    }

    @Incoming(Channels.MIDNIGHT_UNLOCKS)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<IncomingRecord> incoming = IncomingRecord.of(records);
        Uni<Void> unlocked = Uni.createFrom().voidItem();
        for (EventEnvelope<DomainEvent> envelope : midnightUnlocks(incoming)) {
            MidnightUnlock event = (MidnightUnlock) envelope.data();
            unlocked = unlocked.chain(() -> unlocker.receive(envelope.id(), event))
                    .chain(() -> unlocker.sweep().replaceWithVoid());
        }
        return unlocked.chain(() -> consumer.consume(Channels.MIDNIGHT_UNLOCK_CONSUMER, incoming,
                (tx, applied) -> Uni.createFrom().voidItem()));
    }

    /** The readable MidnightUnlocks; anything else is left to the EventConsumer (dead letter or ignore). */
    private static List<EventEnvelope<DomainEvent>> midnightUnlocks(List<IncomingRecord> records) {
        List<EventEnvelope<DomainEvent>> found = new ArrayList<>();
        for (IncomingRecord record : records) {
            try {
                EventEnvelope<DomainEvent> envelope = EventJson.read(record.value() == null ? "" : record.value());
                if (envelope.data() instanceof MidnightUnlock) {
                    found.add(envelope);
                }
            } catch (UnreadableEventException e) {
                // dead-lettered by the EventConsumer below
            }
        }
        return found;
    }
}
