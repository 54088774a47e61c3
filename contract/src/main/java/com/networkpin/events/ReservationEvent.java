package com.networkpin.events;

/** Events of a shop-visit reservation, published on {@link Topics#RESERVATION_EVENTS}, keyed by reservation number. */
public sealed interface ReservationEvent extends DomainEvent
        permits ReservationBooked, ReservationCancelled, ReservationRescheduled, IdentityVerified,
                VisitCompleted, NoShow {

    String reservationNumber();

    String contractId();

    @Override
    default String subject() {
        return reservationNumber();
    }
}
