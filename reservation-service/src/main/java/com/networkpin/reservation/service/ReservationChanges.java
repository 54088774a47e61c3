package com.networkpin.reservation.service;

import com.networkpin.events.ReservationEvent;
import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.ReservationProjection;
import com.networkpin.reservation.store.ReservationStreams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The steps every change of an existing reservation takes, in the caller's transaction: lock its
 * stream and rebuild it, then append the event and update the read model together.
 */
@ApplicationScoped
public class ReservationChanges {

    private final ReservationStreams streams;
    private final ReservationProjection projection;
    private final ReservationViews views;

    public ReservationChanges(ReservationStreams streams, ReservationProjection projection, ReservationViews views) {
        this.streams = streams;
        this.projection = projection;
        this.views = views;
    }

    /**
     * Locks and loads a reservation that must exist. {@code access} sees it before anything is written
     * and throws to refuse the caller: the transaction then writes nothing.
     */
    Uni<ReservationStreams.Locked> lockAndLoad(SqlClient tx, String number, Consumer<Reservation> access) {
        return streams.lockAndLoad(tx, number)
                .map(found -> found.orElseThrow(() -> new ReservationNotFound(number)))
                .invoke(locked -> access.accept(locked.reservation()));
    }

    /** Locks and loads a reservation if there is one: another service's event may name any number. */
    Uni<Optional<ReservationStreams.Locked>> lockAndLoadIfAny(SqlClient tx, String number) {
        return streams.lockAndLoad(tx, number);
    }

    /** Appends the event to the locked stream and updates the read model. */
    Uni<Void> record(SqlClient tx, ReservationStreams.Locked locked, ReservationEvent event, Instant now) {
        Reservation after = locked.reservation().apply(event);
        return streams.append(tx, after.number(), locked.version(), event, now)
                .chain(() -> projection.changed(tx, event, after, now));
    }

    /** Records the event and answers with the reservation as it now is. */
    Uni<ReservationView> recordAndView(SqlClient tx, ReservationStreams.Locked locked, ReservationEvent event,
                                       Instant now) {
        return record(tx, locked, event, now).chain(() -> views.current(tx, locked.reservation().number()));
    }
}
