package com.networkpin.pin.store;

import com.networkpin.events.MidnightUnlock;
import com.networkpin.eventstore.store.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/** The {@code received_midnight} table: every MidnightUnlock this service was told of, once per date. */
@ApplicationScoped
public class ReceivedMidnights {

    /** Remembers a midnight; a redelivery changes nothing. */
    public Uni<Void> record(SqlClient client, UUID eventId, MidnightUnlock unlock) {
        return client.preparedQuery("""
                        INSERT INTO received_midnight (date, midnight_at, event_id) VALUES ($1, $2, $3)
                        ON CONFLICT (date) DO NOTHING""")
                .execute(Tuple.of(unlock.date(), SqlValues.utc(unlock.midnight()), eventId))
                .replaceWithVoid();
    }

    /** Every received midnight's event id, by its instant (one row per date: a few hundred a year). */
    public Uni<NavigableMap<Instant, UUID>> all(SqlClient client) {
        return client.query("SELECT midnight_at, event_id FROM received_midnight").execute().map(rows -> {
            NavigableMap<Instant, UUID> midnights = new TreeMap<>();
            for (Row row : rows) {
                midnights.put(row.getOffsetDateTime(0).toInstant(), row.getUUID(1));
            }
            return midnights;
        });
    }
}
