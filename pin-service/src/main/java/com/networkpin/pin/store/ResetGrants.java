package com.networkpin.pin.store;

import com.networkpin.events.IdDocument;
import com.networkpin.events.PinReset;
import com.networkpin.events.ResetGranted;
import com.networkpin.events.VisitPurpose;
import com.networkpin.eventstore.store.SqlValues;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.ResetGrant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reset grants by reservation number, with the shop they are for and the document checked, kept up to date from the
 * ResetGranted and PinReset events.
 */
@ApplicationScoped
public class ResetGrants {

    public Uni<Optional<ResetGrant>> find(SqlClient client, String reservationNumber) {
        return client.preparedQuery("""
                        SELECT reservation_number, contract_id, shop_id, staff_id, purpose, granted_at, expires_at, used_at,
                               document
                        FROM pin_reset_grant WHERE reservation_number = $1""")
                .execute(Tuple.of(reservationNumber))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toGrant(rows.iterator().next())));
    }

    /** Applies the grant-related events among {@code changes}. */
    public Uni<Void> record(SqlClient tx, List<PinChange> changes) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (PinChange change : changes) {
            if (change.event() instanceof ResetGranted granted) {
                done = done.chain(() -> tx.preparedQuery("""
                                INSERT INTO pin_reset_grant (reservation_number, contract_id, shop_id, staff_id, purpose,
                                                             granted_at, expires_at, document)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING""")
                        .execute(Tuple.from(Arrays.asList(granted.reservationNumber(), granted.contractId(),
                                granted.shopId(), granted.staffId(), granted.purpose().name(),
                                SqlValues.utc(granted.grantedAt()), SqlValues.utc(granted.expiresAt()),
                                granted.document().name())))
                        .replaceWithVoid());
            } else if (change.event() instanceof PinReset reset) {
                done = done.chain(() -> tx.preparedQuery(
                                "UPDATE pin_reset_grant SET used_at = $2 WHERE reservation_number = $1")
                        .execute(Tuple.of(reset.reservationNumber(), SqlValues.utc(reset.resetAt())))
                        .replaceWithVoid());
            }
        }
        return done;
    }

    private static ResetGrant toGrant(Row row) {
        OffsetDateTime used = row.getOffsetDateTime(7);
        String document = row.getString(8);
        return new ResetGrant(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                document == null ? IdDocument.NOT_RECORDED : IdDocument.valueOf(document), VisitPurpose.valueOf(row.getString(4)), row.getOffsetDateTime(5).toInstant(),
                row.getOffsetDateTime(6).toInstant(), used == null ? null : used.toInstant());
    }
}
