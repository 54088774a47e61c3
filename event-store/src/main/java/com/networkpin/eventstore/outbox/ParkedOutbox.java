package com.networkpin.eventstore.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * The operator's view of parked outbox rows: list them, send one again once its cause is fixed, or
 * discard it so that the rows of its key behind it can leave.
 */
@ApplicationScoped
public class ParkedOutbox {

    private static final Logger LOG = Logger.getLogger(ParkedOutbox.class);
    static final String PARKED = "parked_at IS NOT NULL AND discarded_at IS NULL";
    private static final int LIST_LIMIT = 1000;

    private final Pool pool;
    private final OutboxRelay relay;

    public ParkedOutbox(Pool pool, OutboxRelay relay) {
        this.pool = pool;
        this.relay = relay;
    }

    /** The oldest parked rows first, at most a thousand. */
    public Uni<List<ParkedRow>> list() {
        return pool.preparedQuery("""
                        SELECT p.id, p.topic, p.message_key, p.parked_reason, p.parked_at,
                               (SELECT count(*) FROM es_outbox w WHERE w.topic = p.topic
                                    AND w.message_key = p.message_key AND w.id > p.id
                                    AND w.parked_at IS NULL) AS waiting
                        FROM es_outbox p
                        WHERE p.parked_at IS NOT NULL AND p.discarded_at IS NULL
                        ORDER BY p.id LIMIT $1""")
                .execute(Tuple.of(LIST_LIMIT))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new ParkedRow(row.getLong(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getOffsetDateTime(4).toInstant(), row.getLong(5)))
                        .toList());
    }

    public Uni<Long> count() {
        return pool.query("SELECT count(*) FROM es_outbox WHERE " + PARKED).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Makes a parked row the relay's again; false when no parked row has this id. */
    public Uni<Boolean> retry(long id) {
        return change(id, "parked_at = NULL, parked_reason = NULL", "retry");
    }

    /** Gives up on a parked row for good; the rows of its key behind it leave. False when no parked row has this id. */
    public Uni<Boolean> discard(long id) {
        return change(id, "discarded_at = now()", "discard");
    }

    private Uni<Boolean> change(long id, String assignments, String action) {
        return pool.preparedQuery("UPDATE es_outbox SET " + assignments + " WHERE id = $1 AND " + PARKED)
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1)
                .invoke(found -> {
                    if (found) {
                        LOG.infof("parked outbox row %d: %s by an operator", id, action);
                        relay.wake();
                    }
                });
    }
}
