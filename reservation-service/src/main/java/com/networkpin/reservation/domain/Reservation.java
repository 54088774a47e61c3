package com.networkpin.reservation.domain;

import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.NoShow;
import com.networkpin.events.ReservationBooked;
import com.networkpin.events.ReservationCancelled;
import com.networkpin.events.ReservationEvent;
import com.networkpin.events.ReservationRescheduled;
import com.networkpin.events.VisitCompleted;
import com.networkpin.events.VisitPurpose;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A shop-visit reservation, rebuilt from its events. Commands check the rules against this state
 * and return the event to append; they never change anything themselves.
 */
public record Reservation(String number, String contractId, String shopId, Instant start, VisitPurpose purpose,
                          int feeJpy, ReservationStatus status) {

    /**
     * Decides a new booking, given the contract's existing reservations. Only the shop's staff may
     * book the slot in progress (a walk-in, see {@link BookVisit#walkInAllowed()}).
     */
    public static ReservationBooked book(BookVisit command, String number, Shop shop,
                                         Collection<Reservation> contractReservations, Instant now,
                                         BookingPolicy policy) {
        shop.checkVisitStart(command.start(), now, policy.maxDaysAhead(), command.walkInAllowed());
        contractReservations.stream()
                .filter(r -> r.status().isActive() && r.purpose() == command.purpose())
                .findFirst()
                .ifPresent(r -> {
                    throw new Refused(Refusal.ACTIVE_BOOKING_EXISTS, "This contract already has an active "
                            + command.purpose() + " booking; cancel or move it instead of booking again.");
                });
        return new ReservationBooked(number, command.contractId(), shop.id(), command.start(), command.purpose(),
                Fee.forPurpose(command.purpose()).amountJpy());
    }

    public static Reservation replay(List<ReservationEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof ReservationBooked booked)) {
            throw new IllegalArgumentException("a reservation stream starts with ReservationBooked");
        }
        Reservation reservation = new Reservation(booked.reservationNumber(), booked.contractId(), booked.shopId(),
                booked.start(), booked.purpose(), booked.feeJpy(), ReservationStatus.BOOKED);
        for (ReservationEvent event : events.subList(1, events.size())) {
            reservation = reservation.apply(event);
        }
        return reservation;
    }

    public Reservation apply(ReservationEvent event) {
        if (event instanceof ReservationRescheduled moved) {
            return withStart(moved.start());
        }
        if (event instanceof ReservationCancelled) {
            return withStatus(ReservationStatus.CANCELLED);
        }
        if (event instanceof IdentityVerified) {
            return withStatus(ReservationStatus.CHECKED_IN);
        }
        if (event instanceof VisitCompleted) {
            return withStatus(ReservationStatus.COMPLETED);
        }
        if (event instanceof NoShow) {
            return withStatus(ReservationStatus.NO_SHOW);
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " cannot follow the booking of " + number);
    }

    public ReservationCancelled cancel(Instant now) {
        requireBooked("cancelled");
        if (!start.isAfter(now)) {
            throw new Refused(Refusal.IN_THE_PAST, "The visit has already begun; it can no longer be cancelled.");
        }
        return new ReservationCancelled(number, contractId, now);
    }

    public ReservationRescheduled reschedule(Instant newStart, Shop shop, Instant now, BookingPolicy policy) {
        requireBooked("moved");
        if (!start.isAfter(now)) {
            throw new Refused(Refusal.IN_THE_PAST, "The visit has already begun; it can no longer be moved.");
        }
        if (newStart.equals(start)) {
            throw new Refused(Refusal.SAME_SLOT, "The reservation is already for that slot.");
        }
        shop.checkVisitStart(newStart, now, policy.maxDaysAhead(), false);
        return new ReservationRescheduled(number, contractId, shopId, start, newStart);
    }

    /**
     * The shop checks the customer's identity document, on the day of the visit (Japan date). An
     * early arrival that day is welcome; once the booking is due to become a no-show, the visit was
     * missed and it can only be booked anew.
     */
    public IdentityVerified checkIn(String document, boolean original, String staffId, Instant now,
                                    BookingPolicy policy) {
        requireBooked("checked in");
        if (!now.isBefore(noShowAt(policy))) {
            throw new Refused(Refusal.CHECK_IN_CLOSED, "Check-in closed at " + Slots.local(noShowAt(policy))
                    .toLocalTime() + " Japan time on " + Slots.local(start).toLocalDate() + "; please book a new visit.");
        }
        if (!Slots.sameJapanDate(now, start)) {
            throw new Refused(Refusal.CHECK_IN_NOT_TODAY, "The visit is on " + Slots.local(start).toLocalDate()
                    + " (Japan time); check in on that day.");
        }
        IdDocument accepted = IdentityDocuments.accept(document, original);
        return new IdentityVerified(number, contractId, shopId, purpose, accepted, staffId, now);
    }

    /** A booking nobody checked in for by the end of its slot plus the grace period. */
    public Optional<NoShow> markNoShow(Instant now, BookingPolicy policy) {
        if (status != ReservationStatus.BOOKED || now.isBefore(noShowAt(policy))) {
            return Optional.empty();
        }
        return Optional.of(new NoShow(number, contractId, start, now));
    }

    /** The PIN was reset under this reservation: the visit is over, if the customer was checked in. */
    public Optional<VisitCompleted> completeVisit(String resetContractId, Instant now) {
        if (status != ReservationStatus.CHECKED_IN || !contractId.equals(resetContractId)) {
            return Optional.empty();
        }
        return Optional.of(new VisitCompleted(number, contractId, now));
    }

    public Instant noShowAt(BookingPolicy policy) {
        return Slots.end(start).plus(policy.noShowGrace());
    }

    private void requireBooked(String what) {
        if (status != ReservationStatus.BOOKED) {
            throw new Refused(Refusal.NOT_BOOKED,
                    "Reservation " + number + " is " + status + " and can no longer be " + what + ".");
        }
    }

    private Reservation withStart(Instant newStart) {
        return new Reservation(number, contractId, shopId, newStart, purpose, feeJpy, status);
    }

    private Reservation withStatus(ReservationStatus newStatus) {
        return new Reservation(number, contractId, shopId, start, purpose, feeJpy, newStatus);
    }
}
