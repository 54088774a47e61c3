package com.networkpin.reservation.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import com.networkpin.events.IdentityVerified;
import com.networkpin.events.ReservationBooked;
import com.networkpin.events.ReservationEvent;
import com.networkpin.events.VisitPurpose;
import com.networkpin.eventstore.store.ConcurrencyConflict;
import com.networkpin.eventstore.store.SqlValues;
import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.domain.ReservationStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Keeps the reservation table in step with the streams, in the transaction of each append. */
@ApplicationScoped
public class ReservationProjection {

    private static final String COLUMNS = "reservation_number, contract_id, shop_id, slot_start, purpose, fee_jpy,"
            + " status, id_document, checked_in_by, booked_at, updated_at";

    /**
     * Records a new booking. A concurrent booking of the same contract and purpose that committed
     * first trips the partial unique index: that is reported as a conflict, so the command is retried
     * and the domain refuses it cleanly.
     */
    public Uni<Void> booked(SqlClient tx, ReservationBooked booked, Instant at) {
        return tx.preparedQuery("INSERT INTO reservation (" + COLUMNS + ")"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, $8, $8)")
                .execute(Tuple.from(List.of(booked.reservationNumber(), booked.contractId(), booked.shopId(),
                        utc(booked.start()), booked.purpose().name(), booked.feeJpy(),
                        ReservationStatus.BOOKED.name(), utc(at))))
                .onFailure(SqlValues::isUniqueViolation).transform(ConcurrencyConflict::new)
                .replaceWithVoid();
    }

    /** Applies a later event; {@code after} is the reservation with the event applied. */
    public Uni<Void> changed(SqlClient tx, ReservationEvent event, Reservation after, Instant at) {
        String document = event instanceof IdentityVerified verified ? verified.document().name() : null;
        String staff = event instanceof IdentityVerified verified ? verified.staffId() : null;
        return tx.preparedQuery("""
                        UPDATE reservation SET status = $2, slot_start = $3, updated_at = $4,
                            id_document = COALESCE($5, id_document), checked_in_by = COALESCE($6, checked_in_by)
                        WHERE reservation_number = $1""")
                .execute(Tuple.from(Arrays.asList(after.number(), after.status().name(), utc(after.start()),
                        utc(at), document, staff)))
                .replaceWithVoid();
    }

    public Uni<Optional<ReservationRecord>> find(SqlClient client, String number) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reservation WHERE reservation_number = $1")
                .execute(Tuple.of(number))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(toRecord(rows.iterator().next())));
    }

    public Uni<List<ReservationRecord>> ofContract(SqlClient client, String contractId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reservation WHERE contract_id = $1"
                        + " ORDER BY slot_start, reservation_number")
                .execute(Tuple.of(contractId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ReservationProjection::toRecord)
                        .toList());
    }

    /** A shop's reservations whose slot starts in [from, to), of every status, by slot. */
    public Uni<List<ReservationRecord>> ofShopBetween(SqlClient client, String shopId, Instant from, Instant to) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reservation WHERE shop_id = $1"
                        + " AND slot_start >= $2 AND slot_start < $3 ORDER BY slot_start, reservation_number")
                .execute(Tuple.of(shopId, utc(from), utc(to)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ReservationProjection::toRecord)
                        .toList());
    }

    /** Numbers of bookings nobody checked in for whose slot started at or before {@code latestStart}. */
    public Uni<List<String>> awaitingCheckInSince(SqlClient client, Instant latestStart, int limit) {
        return client.preparedQuery("""
                        SELECT reservation_number FROM reservation WHERE status = 'BOOKED' AND slot_start <= $1
                        ORDER BY slot_start LIMIT $2""")
                .execute(Tuple.of(utc(latestStart), limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0)).toList());
    }

    private static ReservationRecord toRecord(Row row) {
        return new ReservationRecord(row.getString(0), row.getString(1), row.getString(2),
                row.getOffsetDateTime(3).toInstant(), VisitPurpose.valueOf(row.getString(4)), row.getInteger(5),
                ReservationStatus.valueOf(row.getString(6)), row.getString(7), row.getString(8),
                row.getOffsetDateTime(9).toInstant(), row.getOffsetDateTime(10).toInstant());
    }
}
