package com.networkpin.reservation.messaging;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Unlocked;
import com.networkpin.eventstore.consume.EventConsumer;
import com.networkpin.eventstore.consume.IncomingRecord;
import com.networkpin.reservation.service.VisitService;
import com.networkpin.reservation.store.PinLockStore.Recorded;
import com.networkpin.reservation.store.PinLockStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the PIN topic, once per event (inbox): keeps each contract's lock state for the booking
 * advice, and completes the visit of a checked-in reservation when the PIN is reset under it. A batch
 * writes its lock states with one statement, so a midnight's burst of {@code Unlocked} events is
 * absorbed in batches rather than row by row.
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

    /**
     * In the batch's transaction: every lock state in one statement (per contract its stream's newest
     * event stands, as if the events were applied one by one), then each PinReset's visit, in order. The
     * two are independent: completing a visit does not read the lock state.
     */
    private Uni<Void> apply(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        List<Recorded> states = events.stream().map(Recorded::of).flatMap(Optional::stream).toList();
        List<PinReset> resets = events.stream().map(EventEnvelope::data)
                .filter(PinReset.class::isInstance).map(PinReset.class::cast).toList();
        return pinLocks.recordAll(tx, states).chain(() -> Multi.createFrom().iterable(resets)
                .onItem().transformToUniAndConcatenate(reset ->
                        visits.completeVisit(tx, reset.reservationNumber(), reset.contractId()))
                .collect().last()
                .replaceWithVoid());
    }
}
