package com.networkpin.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How every event travels: the Kafka message value is this envelope as JSON (see {@link EventJson}),
 * and its fields are repeated as CloudEvents headers (see {@link CloudEventHeaders}).
 *
 * @param id            unique per event; consumers deduplicate by it
 * @param type          the record's simple name, e.g. {@code Locked}
 * @param subject       the aggregate id, also the Kafka key
 * @param sequence      the event's position in its aggregate's stream, from 1
 * @param occurredAt    when it happened
 * @param schemaVersion version of {@code data}'s JSON form, see {@code schemas/}
 * @param data          the event itself
 */
public record EventEnvelope<E extends DomainEvent>(
        UUID id,
        String type,
        String subject,
        long sequence,
        Instant occurredAt,
        int schemaVersion,
        E data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /** Wraps an event with the type, subject and schema version the catalogue gives it. */
    public static <E extends DomainEvent> EventEnvelope<E> of(UUID id, long sequence, Instant occurredAt, E data) {
        EventType type = EventType.of(data.getClass());
        return new EventEnvelope<>(id, type.typeName(), data.subject(), sequence, occurredAt, type.schemaVersion(), data);
    }
}
