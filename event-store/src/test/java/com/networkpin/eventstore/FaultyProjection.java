package com.networkpin.eventstore;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.eventstore.consume.EventConsumer;
import com.networkpin.eventstore.consume.IncomingRecord;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A test consumer whose projection fails on purpose, by the event's subject: {@code poison-…}
 * can never be applied (a bug-like exception); {@code transient-<SQLSTATE>-…} makes PostgreSQL
 * itself fail with that SQLState for the first {@link #TRANSIENT_FAILURES} attempts. Every other
 * subject is counted in {@code test_applied} like {@link AppliedCounter} does.
 */
@ApplicationScoped
public class FaultyProjection {

    static final String CONSUMER = "faulty-projection";
    static final int TRANSIENT_FAILURES = 4;

    private final EventConsumer consumer;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public FaultyProjection(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("faulty-test")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumer.consume(CONSUMER, IncomingRecord.of(records), this::apply);
    }

    int attempts(String subject) {
        return attempts.getOrDefault(subject, new AtomicInteger()).get();
    }

    private Uni<Void> apply(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> apply(tx, event.subject()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> apply(SqlConnection tx, String subject) {
        int attempt = attempts.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
        if (subject.startsWith("poison-")) {
            return Uni.createFrom().failure(new IllegalStateException("cannot apply " + subject));
        }
        if (subject.startsWith("transient-") && attempt <= TRANSIENT_FAILURES) {
            String sqlState = subject.substring("transient-".length(), "transient-".length() + 5);
            return tx.query("DO $$ BEGIN RAISE EXCEPTION 'test failure' USING ERRCODE = '" + sqlState + "'; END $$")
                    .execute().replaceWithVoid();
        }
        return tx.preparedQuery("""
                        INSERT INTO test_applied (subject, times) VALUES ($1, 1)
                        ON CONFLICT (subject) DO UPDATE SET times = test_applied.times + 1""")
                .execute(Tuple.of(subject)).replaceWithVoid();
    }
}
