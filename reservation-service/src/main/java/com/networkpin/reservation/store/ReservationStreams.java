package com.networkpin.reservation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.EventType;
import com.networkpin.events.ReservationEvent;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.eventstore.store.StoredEvent;
import com.networkpin.reservation.domain.Reservation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One event stream per reservation number. Every appended event is also published, unchanged, on
 * the reservation topic through the outbox: reservation events hold nothing secret.
 */
@ApplicationScoped
public class ReservationStreams {

    /** A reservation as loaded under its stream lock, with the version to append after. */
    public record Locked(Reservation reservation, long version) {
    }

    private final EventStore eventStore;

    public ReservationStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Locks the stream for this transaction and rebuilds the reservation; empty if there is none. */
    public Uni<Optional<Locked>> lockAndLoad(SqlClient tx, String number) {
        String stream = streamId(number);
        return eventStore.lock(tx, stream).chain(version -> version == 0
                ? Uni.createFrom().item(Optional.<Locked>empty())
                : eventStore.load(tx, stream, 0).map(events -> Optional.of(
                        new Locked(Reservation.replay(events.stream().map(ReservationStreams::read).toList()),
                                version))));
    }

    public Uni<Void> append(SqlClient tx, String number, long expectedVersion, ReservationEvent event,
                            Instant occurredAt) {
        UUID id = UUID.randomUUID();
        EventEnvelope<ReservationEvent> envelope = EventEnvelope.of(id, expectedVersion + 1, occurredAt, event);
        NewEvent appended = new NewEvent(id, envelope.type(), occurredAt, write(event),
                Optional.of(OutboxMessage.of(envelope)));
        return eventStore.append(tx, streamId(number), expectedVersion, List.of(appended));
    }

    static String streamId(String number) {
        return "reservation-" + number;
    }

    private static ReservationEvent read(StoredEvent stored) {
        Class<?> type = EventType.byTypeName(stored.type()).orElseThrow().recordClass();
        try {
            return (ReservationEvent) EventJson.mapper().readValue(stored.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored event " + stored.eventId(), e);
        }
    }

    private static String write(ReservationEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event.getClass().getSimpleName(), e);
        }
    }
}
