package com.networkpin.pin.messaging;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.eventstore.consume.EventConsumer;
import com.networkpin.eventstore.consume.IncomingRecord;
import com.networkpin.pin.service.MidnightUnlocker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
 * rest once the clock reaches it. A failure is retried, and a MidnightUnlock that cannot be applied
 * is dead-lettered, as for any consumer (see {@link EventConsumer}).
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
        return consumer.consume(Channels.MIDNIGHT_UNLOCK_CONSUMER, IncomingRecord.of(records), this::sweep,
                (tx, applied) -> Uni.createFrom().voidItem());
    }

    /** Before the inbox transaction: remembers each MidnightUnlock and sweeps; other events are ignored. */
    private Uni<Void> sweep(List<EventEnvelope<DomainEvent>> events) {
        Uni<Void> unlocked = Uni.createFrom().voidItem();
        for (EventEnvelope<DomainEvent> envelope : events) {
            if (envelope.data() instanceof MidnightUnlock event) {
                unlocked = unlocked.chain(() -> unlocker.receive(envelope.id(), event))
                        .chain(() -> unlocker.sweep().replaceWithVoid());
            }
        }
        return unlocked;
    }
}
