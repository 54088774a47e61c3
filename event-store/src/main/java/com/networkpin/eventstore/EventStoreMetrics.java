package com.networkpin.eventstore;

import com.networkpin.events.LogSafe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The event store's figures for operators, the same in every service: the outbox's backlog, its
 * oldest unsent row's age and its parked rows (read from the database every
 * {@code network-pin.event-store.metrics.refresh-every}), rows sent and parked, events applied,
 * dead-lettered and retried by each consumer, and conflict retries. Labels are topics and consumer
 * names only: never a contract or an event id.
 */
@ApplicationScoped
public class EventStoreMetrics {

    private static final Logger LOG = Logger.getLogger(EventStoreMetrics.class);

    private final MeterRegistry registry;
    private final Pool pool;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter conflictRetries;

    public EventStoreMetrics(MeterRegistry registry, Pool pool) {
        this.registry = registry;
        this.pool = pool;
        Gauge.builder("network-pin.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows waiting to be sent (parked rows aside)").register(registry);
        Gauge.builder("network-pin.outbox.oldest.unsent.age", oldestUnsentAgeMillis, age -> age.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest outbox row waiting to be sent").register(registry);
        Gauge.builder("network-pin.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked for an operator (refused by Kafka for good)").register(registry);
        conflictRetries = Counter.builder("network-pin.event-store.conflict.retries")
                .description("Appends retried after a concurrent append to the same stream").register(registry);
    }

    void sent(String topic, int rows) {
        Counter.builder("network-pin.outbox.sent").tag("topic", topic).description("Outbox rows Kafka acknowledged")
                .register(registry).increment(rows);
    }

    void parked(String topic) {
        Counter.builder("network-pin.outbox.parkings").tag("topic", topic)
                .description("Outbox rows parked since start").register(registry).increment();
    }

    void applied(String consumer, int events) {
        Counter.builder("network-pin.consumer.applied").tag("consumer", consumer)
                .description("Events applied for the first time (recorded in the inbox)").register(registry).increment(events);
    }

    void deadLettered(String consumer, int records) {
        Counter.builder("network-pin.consumer.dead.letters").tag("consumer", consumer)
                .description("Records sent to the dead-letter topic").register(registry).increment(records);
    }

    void retried(String consumer) {
        Counter.builder("network-pin.consumer.retries").tag("consumer", consumer)
                .description("Batches retried after a transient failure").register(registry).increment();
    }

    void conflictRetried() {
        conflictRetries.increment();
    }

    @Scheduled(identity = "event-store-metrics", every = "${network-pin.event-store.metrics.refresh-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("""
                        SELECT count(*) FILTER (WHERE parked_at IS NULL),
                               coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0),
                               count(*) FILTER (WHERE parked_at IS NOT NULL)
                        FROM es_outbox WHERE sent_at IS NULL AND discarded_at IS NULL""")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    oldestUnsentAgeMillis.set(Math.round(row.getDouble(1) * 1000));
                    parked.set(row.getLong(2));
                })
                .onFailure().invoke(failure -> LOG.debugf("outbox figures not refreshed: %s", LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
