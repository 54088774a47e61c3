package com.networkpin.eventstore.consume;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Remembers which events a consumer has applied, in the transaction that applies them. */
@ApplicationScoped
public class Inbox {

    /** Records the ids for {@code consumer} and returns those it had not seen before. */
    public Uni<Set<UUID>> claim(SqlClient tx, String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.preparedQuery("""
                        INSERT INTO es_inbox (consumer, event_id) SELECT $1, unnest($2::uuid[])
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .execute(Tuple.of(consumer, eventIds.toArray(UUID[]::new)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map((Row row) -> row.getUUID(0))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
