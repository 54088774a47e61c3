package com.networkpin.eventstore.outbox;

import com.networkpin.eventstore.trace.Tracing;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues messages in the caller's transaction; {@link OutboxRelay} sends them after commit. Each
 * carries the {@code traceparent} of the request or message being handled (see {@link Tracing}).
 */
@ApplicationScoped
public class Outbox {

    /** One statement however many messages: a midnight unlock queues thousands per transaction. */
    public Uni<Void> enqueue(SqlClient tx, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = messages.size();
        String traceparent = Tracing.currentTraceparent().orElse(null);
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] headers = new String[size];
        String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxMessage message = messages.get(i);
            topics[i] = message.topic();
            keys[i] = message.key();
            Map<String, Object> messageHeaders = new HashMap<>(message.headers());
            if (traceparent != null) {
                messageHeaders.putIfAbsent(Tracing.TRACEPARENT, traceparent);
            }
            headers[i] = new JsonObject(messageHeaders).encode();
            values[i] = message.value();
        }
        // Ids, and so the relay's order per key, follow the list.
        return tx.preparedQuery("""
                        INSERT INTO es_outbox (topic, message_key, headers, value)
                        SELECT topic, message_key, headers::jsonb, value
                        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
                            AS m (topic, message_key, headers, value, position)
                        ORDER BY position""")
                .execute(Tuple.of(topics, keys, headers, values))
                .replaceWithVoid();
    }
}
