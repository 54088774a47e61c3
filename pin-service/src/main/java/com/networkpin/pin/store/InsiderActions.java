package com.networkpin.pin.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The last day's disclosures and resets of each person ({@code insider_action}), for the insider limits. */
@ApplicationScoped
public class InsiderActions {

    /**
     * Locks the person's actions of this kind for the transaction (two disclosures by one agent, on two contracts
     * and so under two stream locks, are counted one after the other), then reads those since {@code since}.
     */
    public Uni<List<Instant>> lockAndRead(SqlClient tx, String actor, String action, Instant since) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('insider_action ' || $1 || ' ' || $2, 0))")
                .execute(Tuple.of(action, actor))
                .chain(() -> tx.preparedQuery("SELECT at FROM insider_action WHERE actor_id = $1 AND action = $2 AND at > $3")
                        .execute(Tuple.of(actor, action, utc(since))))
                .map(rows -> {
                    List<Instant> times = new ArrayList<>();
                    for (Row row : rows) {
                        times.add(row.get(OffsetDateTime.class, 0).toInstant());
                    }
                    return times;
                });
    }

    /** Records the action and forgets this person's actions of that kind older than {@code forgetBefore}. */
    public Uni<Void> record(SqlClient tx, String actor, String action, String contractId, Instant at, Instant forgetBefore) {
        return tx.preparedQuery("""
                        WITH forgotten AS (DELETE FROM insider_action WHERE actor_id = $1 AND action = $2 AND at < $5)
                        INSERT INTO insider_action (actor_id, action, contract_id, at) VALUES ($1, $2, $3, $4)""")
                .execute(Tuple.of(actor, action, contractId, utc(at), utc(forgetBefore)))
                .replaceWithVoid();
    }
}
