package com.networkpin.reservation.service;

import com.networkpin.events.ReservationBooked;
import com.networkpin.events.ReservationEvent;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.reservation.domain.BookVisit;
import com.networkpin.reservation.domain.BookingPolicy;
import com.networkpin.reservation.domain.Refusal;
import com.networkpin.reservation.domain.Refused;
import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.domain.ReservationNumbers;
import com.networkpin.reservation.domain.ReservationStatus;
import com.networkpin.reservation.domain.Shop;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.BookingLookStore.BookingLook;
import com.networkpin.reservation.store.BookingLookStore;
import com.networkpin.reservation.store.ReservationProjection;
import com.networkpin.reservation.store.ReservationRecord;
import com.networkpin.reservation.store.ReservationStreams;
import com.networkpin.reservation.store.SlotUsageStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The booking half: book a visit, cancel it, move it to another slot. Each command that writes is
 * one transaction: the stream append, its outbox message, the read model, the slot counters and (for
 * a booking) the idempotency key commit together or not at all. A booking of a full slot is refused
 * from one read before any transaction: under a storm of bookings of one slot almost every request
 * is such a refusal, and a transaction would hold a pooled connection for several round trips.
 */
@ApplicationScoped
public class BookingService {

    /** A booking the domain accepted, at its shop. */
    private record NewBooking(ReservationBooked booked, Shop shop) {
    }

    private final Pool pool;
    private final Transactions transactions;
    private final BookingLookStore looks;
    private final ReservationStreams streams;
    private final ReservationProjection projection;
    private final SlotUsageStore slots;
    private final ReservationChanges changes;
    private final ReservationViews views;
    private final BookingAnswers answers;
    private final ReservationNumbers numbers;
    private final BookingPolicy policy;
    private final Clock clock;
    private final ReservationMetrics metrics;
    private final ChangeAnswers changeAnswers;

    public BookingService(Pool pool, Transactions transactions, BookingLookStore looks,
                          ReservationStreams streams, ReservationProjection projection,
                          SlotUsageStore slots, ReservationChanges changes, ReservationViews views,
                          BookingAnswers answers, ReservationNumbers numbers, BookingPolicy policy, Clock clock,
                          ReservationMetrics metrics, ChangeAnswers changeAnswers) {
        this.pool = pool;
        this.transactions = transactions;
        this.looks = looks;
        this.streams = streams;
        this.projection = projection;
        this.slots = slots;
        this.changes = changes;
        this.views = views;
        this.answers = answers;
        this.numbers = numbers;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.changeAnswers = changeAnswers;
    }

    /** Books a visit once per Idempotency-Key; the same key again answers the first booking. */
    public Uni<BookingOutcome> book(String idempotencyKey, BookVisit command) {
        return looks.look(pool, idempotencyKey, command)
                .invoke(look -> refuseIfFull(look, command, clock.instant()))
                .chain(() -> transactions.inTransaction(tx -> {
                    Instant now = clock.instant();
                    return answers.claim(tx, idempotencyKey, command, now).chain(earlier -> earlier.isPresent()
                            ? Uni.createFrom().item(earlier.get())
                            : bookNew(tx, idempotencyKey, command, now));
                }))
                .invoke(outcome -> metrics.booked(outcome.replayed()))
                .onFailure(Refused.class).invoke(refused -> metrics.refused(((Refused) refused).refusal()));
    }

    /**
     * Refuses the booking as the transaction would, had it seen the look's snapshot: the key unused
     * (so there is no earlier answer to give), the start valid at the shop, no active booking of the
     * purpose, and every counter booked. The look is one statement, so all of it held at one instant
     * during this request, and a refusal writes nothing; anything else is left to the transaction.
     */
    private void refuseIfFull(BookingLook look, BookVisit command, Instant now) {
        if (look.keyTaken() || look.shop().isEmpty() || look.activeBookingOfPurpose()
                || look.booked() < look.shop().get().counters()) {
            return;
        }
        look.shop().get().checkVisitStart(command.start(), now, policy.maxDaysAhead(), command.walkInAllowed());
        requireFreeCounter(false);
    }

    /**
     * A lock-free look refuses a full slot before anything is written; the slot's counter is taken
     * last, so the slot row is locked only for the commit.
     */
    private Uni<BookingOutcome> bookNew(SqlClient tx, String key, BookVisit command, Instant now) {
        return decide(tx, command, now)
                .call(booking -> requireFreeCounter(tx, booking))
                .chain(booking -> record(tx, key, booking, now))
                .map(view -> new BookingOutcome(view, false));
    }

    /** The domain's decision, given the shop and the contract's other bookings. */
    private Uni<NewBooking> decide(SqlClient tx, BookVisit command, Instant now) {
        return views.shop(tx, command.shopId(), BookingService::unknownShop)
                .chain(shop -> projection.ofContract(tx, command.contractId()).map(existing -> new NewBooking(
                        Reservation.book(command, numbers.next(), shop,
                                existing.stream().map(ReservationRecord::toReservation).toList(), now, policy),
                        shop)));
    }

    private Uni<Void> requireFreeCounter(SqlClient tx, NewBooking booking) {
        return slots.booked(tx, booking.shop().id(), booking.booked().start())
                .invoke(count -> requireFreeCounter(count < booking.shop().counters()))
                .replaceWithVoid();
    }

    /** Appends the booking, projects it, keeps the answer for the key, then takes the counter. */
    private Uni<ReservationView> record(SqlClient tx, String key, NewBooking booking, Instant now) {
        ReservationBooked booked = booking.booked();
        Shop shop = booking.shop();
        String number = booked.reservationNumber();
        return views.view(tx, bookedRecord(booked, now), shop)
                .call(view -> streams.append(tx, number, 0, booked, now)
                        .chain(() -> projection.booked(tx, booked, now))
                        .chain(() -> answers.keep(tx, key, number, view))
                        .chain(() -> slots.take(tx, shop.id(), booked.start(), shop.counters()))
                        .invoke(BookingService::requireFreeCounter));
    }

    /**
     * Cancels a booking, once {@code access} let the caller change it, and frees its counter; once per
     * Idempotency-Key (see {@link ChangeAnswers}).
     */
    public Uni<BookingOutcome> cancel(String number, Consumer<Reservation> access,
                                      Optional<IdempotentRequest> idempotency) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return changes.lockAndLoad(tx, number, access).chain(locked -> changeAnswers.once(tx, idempotency, now,
                    () -> {
                        Reservation reservation = locked.reservation();
                        ReservationEvent cancelled = reservation.cancel(now);
                        return slots.release(tx, reservation.shopId(), reservation.start())
                                .chain(() -> changes.recordAndView(tx, locked, cancelled, now));
                    }));
        });
    }

    /** Takes a counter of the new slot and frees the old one; a full new slot changes nothing. Once per key. */
    public Uni<BookingOutcome> reschedule(String number, Instant newStart, Consumer<Reservation> access,
                                          Optional<IdempotentRequest> idempotency) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return changes.lockAndLoad(tx, number, access).chain(locked -> changeAnswers.once(tx, idempotency, now,
                    () -> views.shop(tx, locked.reservation().shopId(), ShopNotFound::new)
                            .chain(shop -> moveToSlot(tx, locked, shop, newStart, now))));
        });
    }

    private Uni<ReservationView> moveToSlot(SqlClient tx, ReservationStreams.Locked locked, Shop shop,
                                            Instant newStart, Instant now) {
        Reservation reservation = locked.reservation();
        ReservationEvent moved = reservation.reschedule(newStart, shop, now, policy);
        return slots.lockInOrder(tx, shop.id(), List.of(reservation.start(), newStart))
                .chain(() -> slots.take(tx, shop.id(), newStart, shop.counters()))
                .invoke(BookingService::requireFreeCounter)
                .chain(() -> slots.release(tx, shop.id(), reservation.start()))
                .chain(() -> changes.recordAndView(tx, locked, moved, now));
    }

    private static ReservationRecord bookedRecord(ReservationBooked booked, Instant now) {
        return new ReservationRecord(booked.reservationNumber(), booked.contractId(), booked.shopId(), booked.start(),
                booked.purpose(), booked.feeJpy(), ReservationStatus.BOOKED, null, null, now, now);
    }

    private static Refused unknownShop(String shopId) {
        return new Refused(Refusal.UNKNOWN_SHOP, "There is no shop '" + shopId + "'.");
    }

    private static void requireFreeCounter(boolean free) {
        if (!free) {
            throw new Refused(Refusal.SLOT_FULL, "Every counter of that slot is booked; choose another slot.");
        }
    }
}
