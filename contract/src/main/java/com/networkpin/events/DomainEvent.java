package com.networkpin.events;

/**
 * An event that crosses a service boundary. Every implementation is an immutable record named for
 * what happened: most in the past tense ({@code Locked}, {@code ReservationBooked}), a few as a noun
 * ({@code MidnightUnlock}, {@code NoShow}); {@link #subject()} is the id of the aggregate it happened
 * to, and the Kafka key.
 */
public sealed interface DomainEvent permits PinEvent, SchedulerEvent, ReservationEvent {

    String subject();
}
