package com.networkpin.eventstore.outbox;

import com.networkpin.events.LogSafe;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Parks the rows Kafka refused for good, with their reason, in the round's transaction: the relay goes
 * on with the other keys, and the later rows of a parked row's topic and key wait until an operator
 * retries or discards it ({@link ParkedOutbox}).
 */
@ApplicationScoped
class RelayParking {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    void park(SqlConnection conn, Map<Long, String> parked, Duration timeout) {
        if (parked.isEmpty()) {
            return;
        }
        conn.preparedQuery("""
                        UPDATE es_outbox o SET parked_at = now(), parked_reason = p.reason
                        FROM unnest($1::bigint[], $2::text[]) AS p (id, reason) WHERE o.id = p.id""")
                .execute(Tuple.of(parked.keySet().toArray(Long[]::new), parked.values().toArray(String[]::new)))
                .await().atMost(timeout);
    }

    /** After the commit: one error line per parked row (its topic and key, never its payload). */
    void log(List<Row> rows, Map<Long, String> parked) {
        if (parked.isEmpty()) {
            return;
        }
        for (Row row : rows) {
            String reason = parked.get(row.getLong(0));
            if (reason != null) {
                LOG.errorf("outbox row %d parked (topic %s, key %s), later rows of its key wait for an operator: %s",
                        row.getLong(0), LogSafe.of(row.getString(1)), LogSafe.of(row.getString(2)), reason);
            }
        }
    }
}
