package com.networkpin.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue: every event record, the topic it is published on, and its schema version. */
public enum EventType {
    PIN_SET(PinSet.class, Topics.PIN_EVENTS, 1),
    ATTEMPT_SUCCEEDED(AttemptSucceeded.class, Topics.PIN_EVENTS, 1),
    ATTEMPT_FAILED(AttemptFailed.class, Topics.PIN_EVENTS, 1),
    ATTEMPT_REFUSED(AttemptRefused.class, Topics.PIN_EVENTS, 1),
    LOCKED(Locked.class, Topics.PIN_EVENTS, 1),
    UNLOCKED(Unlocked.class, Topics.PIN_EVENTS, 1),
    RESET_GRANTED(ResetGranted.class, Topics.PIN_EVENTS, 2),
    PIN_RESET(PinReset.class, Topics.PIN_EVENTS, 2),
    PIN_DISCLOSED(PinDisclosed.class, Topics.PIN_EVENTS, 2),
    MIDNIGHT_UNLOCK(MidnightUnlock.class, Topics.MIDNIGHT_UNLOCKS, 1),
    RESERVATION_BOOKED(ReservationBooked.class, Topics.RESERVATION_EVENTS, 1),
    RESERVATION_CANCELLED(ReservationCancelled.class, Topics.RESERVATION_EVENTS, 1),
    RESERVATION_RESCHEDULED(ReservationRescheduled.class, Topics.RESERVATION_EVENTS, 1),
    IDENTITY_VERIFIED(IdentityVerified.class, Topics.RESERVATION_EVENTS, 1),
    VISIT_COMPLETED(VisitCompleted.class, Topics.RESERVATION_EVENTS, 1),
    NO_SHOW(NoShow.class, Topics.RESERVATION_EVENTS, 1);

    private static final Map<String, EventType> BY_TYPE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final Class<? extends DomainEvent> recordClass;
    private final String topic;
    private final int schemaVersion;

    EventType(Class<? extends DomainEvent> recordClass, String topic, int schemaVersion) {
        this.recordClass = recordClass;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
    }

    /** The name on the wire: the record's simple name, e.g. {@code AttemptFailed}. */
    public String typeName() {
        return recordClass.getSimpleName();
    }

    public Class<? extends DomainEvent> recordClass() {
        return recordClass;
    }

    public String topic() {
        return topic;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The absolute URI of the published schema: its {@code $id} and the events' {@code ce_dataschema}. */
    public URI dataSchema() {
        return URI.create(CloudEventHeaders.SCHEMA_BASE + typeName() + ".schema.json");
    }

    public static EventType of(Class<?> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("not an event record: " + recordClass.getName());
        }
        return type;
    }

    public static Optional<EventType> byTypeName(String typeName) {
        return Optional.ofNullable(BY_TYPE_NAME.get(typeName));
    }
}
