package com.networkpin.eventstore.store;

import com.networkpin.eventstore.config.EventStoreConfig;
import com.networkpin.eventstore.outbox.OutboxRelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Runs a unit of work in one database transaction, retries it on a {@link ConcurrencyConflict},
 * and wakes the outbox relay after a commit so new messages leave at once.
 */
@ApplicationScoped
public class Transactions {

    private final Pool pool;
    private final OutboxRelay relay;
    private final EventStoreConfig config;
    private final Counter conflictRetries;

    public Transactions(Pool pool, OutboxRelay relay, EventStoreConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.relay = relay;
        this.config = config;
        this.conflictRetries = Counter.builder("network-pin.event-store.conflict.retries")
                .description("Appends retried after a concurrent append to the same stream").register(registry);
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> pool.withTransaction(work))
                .onFailure(ConcurrencyConflict.class).invoke(() -> conflictRetries.increment())
                .onFailure(ConcurrencyConflict.class).retry()
                .withBackOff(config.conflictRetry().initialBackOff(), config.conflictRetry().maxBackOff())
                .withJitter(0.5)
                .atMost(config.conflictRetry().maxAttempts())
                .invoke(relay::wake);
    }
}
