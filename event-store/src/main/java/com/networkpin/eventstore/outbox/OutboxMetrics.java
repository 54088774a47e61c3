package com.networkpin.eventstore.outbox;

import com.networkpin.events.LogSafe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The outbox's figures for operators, the same in every service: its backlog, its oldest unsent row's
 * age and its parked rows (read from the database every
 * {@code network-pin.event-store.metrics.refresh-every}), rows sent and parked. Labels are topics only:
 * never a contract or an event id.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final MeterRegistry registry;
    private final Pool pool;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry, Pool pool) {
        this.registry = registry;
        this.pool = pool;
        Gauge.builder("network-pin.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows waiting to be sent (parked rows aside)").register(registry);
        Gauge.builder("network-pin.outbox.oldest.unsent.age", oldestUnsentAgeMillis, age -> age.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest outbox row waiting to be sent").register(registry);
        Gauge.builder("network-pin.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked for an operator (refused by Kafka for good)").register(registry);
    }

    /** Counts a round's rows: those Kafka acknowledged and those parked, per topic. */
    void count(List<Row> rows, List<Long> sentIds, Map<Long, String> parkedIds) {
        Set<Long> sent = Set.copyOf(sentIds);
        Map<String, Integer> sentPerTopic = new HashMap<>();
        for (Row row : rows) {
            long id = row.getLong(0);
            if (sent.contains(id)) {
                sentPerTopic.merge(row.getString(1), 1, Integer::sum);
            } else if (parkedIds.containsKey(id)) {
                parked(row.getString(1));
            }
        }
        sentPerTopic.forEach(this::sent);
    }

    private void sent(String topic, int rows) {
        Counter.builder("network-pin.outbox.sent").tag("topic", topic).description("Outbox rows Kafka acknowledged")
                .register(registry).increment(rows);
    }

    private void parked(String topic) {
        Counter.builder("network-pin.outbox.parkings").tag("topic", topic)
                .description("Outbox rows parked since start").register(registry).increment();
    }

    @Scheduled(identity = "event-store-metrics", every = "${network-pin.event-store.metrics.refresh-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("""
                        SELECT count(*) FILTER (WHERE parked_at IS NULL),
                               coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0),
                               count(*) FILTER (WHERE parked_at IS NOT NULL)
                        FROM es_outbox WHERE discarded_at IS NULL""")
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
