package com.networkpin.pin.messaging;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.IdentityVerified;
import com.networkpin.eventstore.consume.EventConsumer;
import com.networkpin.eventstore.consume.IncomingRecord;
import com.networkpin.pin.service.PinService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns a shop's identity check for a PIN reset or change into a reset grant; other reservation events are ignored. */
@ApplicationScoped
public class ReservationEventsConsumer {

    private final EventConsumer consumer;
    private final PinService pins;

    public ReservationEventsConsumer(EventConsumer consumer, PinService pins) {
        this.consumer = consumer;
        this.pins = pins;
    }

    @Incoming(Channels.RESERVATION_EVENTS)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumer.consume(Channels.RESERVATION_CONSUMER, IncomingRecord.of(records), this::apply);
    }

    private Uni<Void> apply(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        Uni<Void> applied = Uni.createFrom().voidItem();
        for (EventEnvelope<DomainEvent> envelope : events) {
            if (envelope.data() instanceof IdentityVerified verified && verified.purpose().authorisesPinReset()) {
                applied = applied.chain(() -> pins.grantReset(tx, verified));
            }
        }
        return applied;
    }
}
