package com.networkpin.eventstore.store;

import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.trace.Tracing;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event to append. {@code data} is the service's own JSON of the event; {@code publication}, when
 * present, is the message that announces it to other services (written to the outbox in the same
 * transaction). The two are separate so a service can keep secrets in its store that never leave it.
 */
public record NewEvent(UUID eventId, String type, Instant occurredAt, String data, Optional<OutboxMessage> publication) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(publication, "publication");
    }

    /**
     * This event with its publication in the trace of {@code traceparent} (null: as it is), for a writer
     * that appends on behalf of several requests at once (a request's own appends are traced by {@link Outbox}).
     */
    public NewEvent tracedBy(String traceparent) {
        if (traceparent == null || publication.isEmpty()) {
            return this;
        }
        return new NewEvent(eventId, type, occurredAt, data,
                publication.map(message -> message.withHeader(Tracing.TRACEPARENT, traceparent)));
    }
}
