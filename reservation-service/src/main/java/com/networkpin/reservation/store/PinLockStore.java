package com.networkpin.reservation.store;

import static com.networkpin.eventstore.SqlValues.utc;

import com.networkpin.reservation.domain.PinLock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/** Each contract's PIN lock, as last seen on the PIN topic. */
@ApplicationScoped
public class PinLockStore {

    public Uni<PinLock> find(SqlClient client, String contractId) {
        return client.preparedQuery("SELECT locked_until FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contractId))
                .map(rows -> {
                    OffsetDateTime until = rows.rowCount() == 0 ? null : rows.iterator().next().getOffsetDateTime(0);
                    return new PinLock(contractId, until == null ? null : until.toInstant());
                });
    }

    /**
     * Records the lock state as of an event of the contract's PIN stream: an event earlier in the stream
     * (a lower envelope sequence) than the one recorded changes nothing. The order is the stream's, never
     * the event times, which come from the clocks of whichever pin-service instances appended them.
     * {@code as_of} keeps the event's time for reading.
     */
    public Uni<Void> record(SqlClient tx, String contractId, Instant lockedUntil, long sequence, Instant asOf) {
        return tx.preparedQuery("""
                        INSERT INTO contract_pin_lock AS l (contract_id, locked_until, sequence, as_of)
                        VALUES ($1, $2, $3, $4)
                        ON CONFLICT (contract_id) DO UPDATE SET locked_until = EXCLUDED.locked_until,
                            sequence = EXCLUDED.sequence, as_of = EXCLUDED.as_of
                        WHERE l.sequence < EXCLUDED.sequence""")
                .execute(Tuple.from(Arrays.asList(contractId, lockedUntil == null ? null : utc(lockedUntil),
                        sequence, utc(asOf))))
                .replaceWithVoid();
    }
}
