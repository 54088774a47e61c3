package com.networkpin.eventstore.consume;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/** Applies events a consumer has not applied before, in the consumer's transaction. */
@FunctionalInterface
public interface Projection {

    Uni<Void> apply(SqlConnection tx, List<EventEnvelope<DomainEvent>> events);
}
