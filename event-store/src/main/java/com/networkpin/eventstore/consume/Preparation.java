package com.networkpin.eventstore.consume;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Work a consumer does for events before the transaction that records them in the inbox, in
 * transactions of its own (e.g. a midnight unlock of a million locks, in chunks). It must be
 * idempotent and skip events the inbox already holds: it runs again after a failure, and for a
 * redelivered event.
 */
@FunctionalInterface
public interface Preparation {

    Preparation NONE = events -> Uni.createFrom().voidItem();

    Uni<Void> prepare(List<EventEnvelope<DomainEvent>> events);
}
