package com.networkpin.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;

/** Queues messages in the caller's transaction; {@link OutboxRelay} sends them after commit. */
@ApplicationScoped
public class Outbox {

    public Uni<Void> enqueue(SqlClient tx, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = messages.stream()
                .map(m -> Tuple.of(m.topic(), m.key(), new JsonObject(new HashMap<>(m.headers())), m.value()))
                .toList();
        return tx.preparedQuery("INSERT INTO es_outbox (topic, message_key, headers, value) VALUES ($1, $2, $3, $4)")
                .executeBatch(batch)
                .replaceWithVoid();
    }
}
