package com.networkpin.reservation.messaging;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Unlocked;
import com.networkpin.eventstore.EventConsumer;
import com.networkpin.eventstore.IncomingRecord;
import com.networkpin.reservation.service.VisitService;
import com.networkpin.reservation.store.PinLockStore;
import com.networkpin.reservation.store.PinLockStore.Recorded;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the PIN topic, once per event (inbox): keeps each contract's lock state for the booking
 * advice, and completes the visit of a checked-in reservation when the PIN is reset under it.
 */
@ApplicationScoped
public class PinEventsConsumer {

    public static final String CHANNEL = "pin-events-in";
    static final String CONSUMER = "reservation-service.pin-events";

    private final EventConsumer consumer;
    private final PinLockStore pinLocks;
    private final VisitService visits;

    public PinEventsConsumer(EventConsumer consumer, PinLockStore pinLocks, VisitService visits) {
        this.consumer = consumer;
        this.pinLocks = pinLocks;
        this.visits = visits;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // Only what changes a lock or completes a visit: attempts, disclosures… never reach the inbox.
        return consumer.consume(CONSUMER, IncomingRecord.ofTypes(records, Locked.class, Unlocked.class, PinReset.class),
                this::apply);
    }

    /** In the batch's transaction, in order, since a later event of a contract may undo an earlier one. */
    private Uni<Void> apply(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(envelope -> apply(tx, envelope))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> apply(SqlConnection tx, EventEnvelope<DomainEvent> envelope) {
        Uni<Void> recorded = Recorded.of(envelope).map(state -> pinLocks.record(tx, state))
                .orElseGet(() -> Uni.createFrom().voidItem());
        if (envelope.data() instanceof PinReset reset) {
            return recorded.chain(() -> visits.completeVisit(tx, reset.reservationNumber(), reset.contractId()));
        }
        return recorded;
    }
}
