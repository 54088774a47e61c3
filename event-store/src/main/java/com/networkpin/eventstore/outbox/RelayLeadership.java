package com.networkpin.eventstore.outbox;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/**
 * One relay per database at a time: a round leads only while it holds a transaction-scoped advisory
 * lock, so replicas of a service never reorder a stream.
 */
public final class RelayLeadership {

    private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"
    /**
     * Takes the relay's lock for this round's transaction, and keeps its plans on the indexes: the outbox
     * swings between empty and a backlog of many thousand rows faster than its statistics follow, and a
     * plan made while it looked empty scans the whole table, for {@link RelayRound#NEXT_ROWS} once per row
     * it returns (seen as rounds stuck for 30 s under load, while the backlog grew).
     */
    public static final String LEAD_ROUND = "SELECT pg_try_advisory_xact_lock($1), set_config('enable_seqscan', 'off', true)";

    private RelayLeadership() {
    }

    /** Whether this transaction leads the relay; the lock ends with the transaction. */
    static boolean lead(SqlConnection conn, Duration timeout) {
        return conn.preparedQuery(LEAD_ROUND).execute(Tuple.of(LOCK_KEY))
                .await().atMost(timeout).iterator().next().getBoolean(0);
    }
}
