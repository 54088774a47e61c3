package com.networkpin.pin.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import com.networkpin.events.PinDisclosed;
import com.networkpin.events.PinReset;
import com.networkpin.pin.domain.InsiderAction;
import com.networkpin.pin.domain.InsiderQuery;
import com.networkpin.pin.domain.PinChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit trail of disclosures and resets ({@code insider_audit}): written from the PinDisclosed and PinReset
 * events in the transaction that appends them, read by the insider limits and by the security team's queries.
 */
@ApplicationScoped
public class InsiderTrail {

    /**
     * Locks the person's actions of this kind for the transaction (two disclosures by one agent, on two contracts
     * and so under two stream locks, are counted one after the other), then reads those since {@code since}.
     */
    public Uni<List<Instant>> lockAndRead(SqlClient tx, String actor, String action, Instant since) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('insider_audit ' || $1 || ' ' || $2, 0))")
                .execute(Tuple.of(action, actor))
                .chain(() -> tx.preparedQuery("SELECT at FROM insider_audit WHERE actor_id = $1 AND action = $2 AND at > $3")
                        .execute(Tuple.of(actor, action, utc(since))))
                .map(rows -> {
                    List<Instant> times = new ArrayList<>();
                    for (Row row : rows) {
                        times.add(row.get(OffsetDateTime.class, 0).toInstant());
                    }
                    return times;
                });
    }

    /** Records the disclosures and resets among {@code changes}. */
    public Uni<Void> record(SqlClient tx, List<PinChange> changes) {
        List<Tuple> rows = new ArrayList<>(1);
        for (PinChange change : changes) {
            if (change.event() instanceof PinDisclosed disclosed) {
                rows.add(Tuple.from(Arrays.asList(change.eventId(), InsiderAction.DISCLOSURE, disclosed.agentId(),
                        disclosed.agentSessionId(), disclosed.identityCheck().name(), disclosed.identityCheckRef(),
                        disclosed.contractId(), utc(disclosed.disclosedAt()))));
            } else if (change.event() instanceof PinReset reset) {
                rows.add(Tuple.from(Arrays.asList(change.eventId(), InsiderAction.RESET, reset.staffId(), reset.staffSessionId(),
                        reset.document().name(), reset.reservationNumber(), reset.contractId(), utc(reset.resetAt()))));
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO insider_audit (event_id, action, actor_id, session_id, identity_check, reference,
                                                   contract_id, at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .executeBatch(rows).replaceWithVoid();
    }

    /**
     * One page of the trail, newest recorded first: at most {@code query.limit()} entries, and one more if there
     * are, which tells the caller a next page exists.
     */
    public Uni<List<InsiderAction>> page(SqlClient client, InsiderQuery query) {
        return client.preparedQuery("""
                        SELECT id, action, actor_id, session_id, identity_check, reference, contract_id, at
                        FROM insider_audit
                        WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR actor_id = $3)
                          AND ($4::text IS NULL OR action = $4) AND ($5::bigint IS NULL OR id < $5)
                        ORDER BY id DESC LIMIT $6""")
                .execute(Tuple.from(Arrays.asList(utc(query.from()), utc(query.to()), query.person().orElse(null),
                        query.action().orElse(null), query.before().orElse(null), query.limit() + 1)))
                .map(rows -> {
                    List<InsiderAction> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        page.add(new InsiderAction(row.getLong(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5), row.getString(6),
                                row.getOffsetDateTime(7).toInstant()));
                    }
                    return page;
                });
    }
}
