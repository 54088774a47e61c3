package com.networkpin.events;

/**
 * An event that crosses a service boundary. Every implementation is an immutable record named in
 * the past tense; {@link #subject()} is the id of the aggregate it happened to, and the Kafka key.
 */
public sealed interface DomainEvent permits PinEvent, SchedulerEvent, ReservationEvent {

    String subject();
}
