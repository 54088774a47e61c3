package com.networkpin.eventstore.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The reactive pool as Quarkus configures it, plus the bound Quarkus has no setting for: at most
 * {@code max-wait-queue-size} commands wait for a connection. One more fails at once, before its transaction
 * begins (Vert.x's {@code ConnectionPoolTooBusyException}), which service-support answers 503 {@code overloaded}
 * with Retry-After. (Vert.x's connection time-out is left at its default: it also times the opening of a
 * connection, and a short one left a loaded machine's pool without connections in the benchmark.)
 * It bounds every command of the services that use the event store (in the pin-service those that do not go
 * through a group-commit lane; in the reservation-service bookings, visits, shops and queries alike), and the
 * consumers and the relay, which retry after a back-off.
 */
@Singleton
public class BoundedPool implements PgPoolCreator {

    private final EventStoreConfig.PoolSettings bound;

    public BoundedPool(EventStoreConfig config) {
        this.bound = config.pool();
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(bound.maxWaitQueueSize());
        List<SqlConnectOptions> servers = new ArrayList<>(input.pgConnectOptionsList());
        return PgBuilder.pool().with(options).connectingTo(servers).using(input.vertx()).build();
    }
}
