package com.networkpin.eventstore;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.eventstore.consume.EventConsumer;
import com.networkpin.eventstore.consume.IncomingRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A test consumer: counts, per subject, how many events it applied. */
@ApplicationScoped
public class AppliedCounter {

    static final String CONSUMER = "applied-counter";

    private final EventConsumer consumer;

    public AppliedCounter(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("inbox-test")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumer.consume(CONSUMER, IncomingRecord.of(records), this::apply);
    }

    private Uni<Void> apply(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        List<Tuple> rows = events.stream().map(e -> Tuple.of(e.subject())).toList();
        return tx.preparedQuery("""
                        INSERT INTO test_applied (subject, times) VALUES ($1, 1)
                        ON CONFLICT (subject) DO UPDATE SET times = test_applied.times + 1""")
                .executeBatch(rows)
                .replaceWithVoid();
    }
}
