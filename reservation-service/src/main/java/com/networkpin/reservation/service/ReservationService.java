package com.networkpin.reservation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.events.ReservationBooked;
import com.networkpin.events.ReservationEvent;
import com.networkpin.eventstore.Transactions;
import com.networkpin.reservation.domain.BookVisit;
import com.networkpin.reservation.domain.BookingPolicy;
import com.networkpin.reservation.domain.Refusal;
import com.networkpin.reservation.domain.Refused;
import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.domain.ReservationNumbers;
import com.networkpin.reservation.domain.ReservationStatus;
import com.networkpin.reservation.domain.Shop;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.IdempotencyStore;
import com.networkpin.reservation.store.PinLockStore;
import com.networkpin.reservation.store.ReservationProjection;
import com.networkpin.reservation.store.ReservationRecord;
import com.networkpin.reservation.store.ReservationStreams;
import com.networkpin.reservation.store.ShopStore;
import com.networkpin.reservation.store.SlotUsageStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reservation commands and queries. Each command is one transaction: the stream append, its
 * outbox message, the read model, the slot counters and (for a booking) the idempotency key commit
 * together or not at all.
 */
@ApplicationScoped
public class ReservationService {

    private final Transactions transactions;
    private final Pool pool;
    private final ShopStore shops;
    private final SlotUsageStore slots;
    private final ReservationStreams streams;
    private final ReservationProjection projection;
    private final IdempotencyStore idempotency;
    private final PinLockStore pinLocks;
    private final ReservationNumbers numbers;
    private final BookingPolicy policy;
    private final Clock clock;
    private final ObjectMapper json;

    public ReservationService(Transactions transactions, Pool pool, ShopStore shops, SlotUsageStore slots,
                              ReservationStreams streams, ReservationProjection projection,
                              IdempotencyStore idempotency, PinLockStore pinLocks, ReservationNumbers numbers,
                              BookingPolicy policy, Clock clock, ObjectMapper json) {
        this.transactions = transactions;
        this.pool = pool;
        this.shops = shops;
        this.slots = slots;
        this.streams = streams;
        this.projection = projection;
        this.idempotency = idempotency;
        this.pinLocks = pinLocks;
        this.numbers = numbers;
        this.policy = policy;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Books a visit once per Idempotency-Key. The slot's counter is taken last, so the slot row is
     * locked only for the commit; a lock-free look before the writes refuses a full slot early.
     */
    public Uni<BookingOutcome> book(String idempotencyKey, BookVisit command) {
        String hash = requestHash(command);
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return idempotency.claim(tx, idempotencyKey, hash, now).chain(earlier -> earlier.isPresent()
                    ? Uni.createFrom().item(() -> replay(earlier.get(), hash))
                    : bookNew(tx, idempotencyKey, command, now));
        });
    }

    private Uni<BookingOutcome> bookNew(SqlConnection tx, String key, BookVisit command, Instant now) {
        return shop(tx, command.shopId(), id -> new Refused(Refusal.UNKNOWN_SHOP, "There is no shop '" + id + "'."))
                .chain(shop -> projection.ofContract(tx, command.contractId()).chain(existing -> {
                    ReservationBooked booked = Reservation.book(command, numbers.next(), shop,
                            existing.stream().map(ReservationRecord::toReservation).toList(), now, policy);
                    return slots.booked(tx, shop.id(), booked.start())
                            .invoke(count -> requireFreeCounter(count < shop.counters()))
                            .chain(() -> pinLocks.find(tx, command.contractId()))
                            .chain(lock -> {
                                ReservationView view = ReservationView.of(bookedRecord(booked, now), shop,
                                        lock.adviceAt(now).orElse(null));
                                String number = booked.reservationNumber();
                                return streams.append(tx, number, 0, booked, now)
                                        .chain(() -> projection.booked(tx, booked, now))
                                        .chain(() -> idempotency.complete(tx, key, number, write(view)))
                                        .chain(() -> slots.take(tx, shop.id(), booked.start(), shop.counters()))
                                        .map(taken -> {
                                            requireFreeCounter(taken);
                                            return new BookingOutcome(view, false);
                                        });
                            });
                }));
    }

    /**
     * Cancels a booking. {@code access} sees the reservation as loaded, before anything is written, and
     * throws to refuse the caller: the transaction then writes nothing. The same holds for every command.
     */
    public Uni<ReservationView> cancel(String number, Consumer<Reservation> access) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return lockAndLoad(tx, number, access).chain(locked -> {
                Reservation reservation = locked.reservation();
                ReservationEvent cancelled = reservation.cancel(now);
                return slots.release(tx, reservation.shopId(), reservation.start())
                        .chain(() -> recordAndView(tx, locked, cancelled, now));
            });
        });
    }

    /** Takes a counter of the new slot and frees the old one; a full new slot changes nothing. */
    public Uni<ReservationView> reschedule(String number, Instant newStart, Consumer<Reservation> access) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return lockAndLoad(tx, number, access).chain(locked -> {
                Reservation reservation = locked.reservation();
                return shop(tx, reservation.shopId(), ShopNotFound::new).chain(shop -> {
                    ReservationEvent moved = reservation.reschedule(newStart, shop, now, policy);
                    return slots.lockInOrder(tx, shop.id(), List.of(reservation.start(), newStart))
                            .chain(() -> slots.take(tx, shop.id(), newStart, shop.counters()))
                            .invoke(ReservationService::requireFreeCounter)
                            .chain(() -> slots.release(tx, shop.id(), reservation.start()))
                            .chain(() -> recordAndView(tx, locked, moved, now));
                });
            });
        });
    }

    /** The shop's identity check; success is what lets the pin-service grant a reset. */
    public Uni<ReservationView> checkIn(String number, String document, boolean original, String staffId,
                                        Consumer<Reservation> access) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return lockAndLoad(tx, number, access).chain(locked -> recordAndView(tx, locked,
                    locked.reservation().checkIn(document, original, staffId, now, policy), now));
        });
    }

    /** Marks the booking a no-show if it is one now, in its own transaction; true when it was marked. */
    public Uni<Boolean> markNoShow(String number) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return streams.lockAndLoad(tx, number).chain(found -> found
                    .flatMap(locked -> locked.reservation().markNoShow(now, policy)
                            .map(noShow -> record(tx, locked, noShow, now).replaceWith(true)))
                    .orElseGet(() -> Uni.createFrom().item(false)));
        });
    }

    /** Bookings whose slot ended more than the grace period ago with nobody checked in, oldest first. */
    public Uni<List<String>> dueForNoShow(int limit) {
        Instant latestStart = clock.instant().minus(Slots.LENGTH).minus(policy.noShowGrace());
        return projection.awaitingCheckInSince(pool, latestStart, limit);
    }

    /**
     * In the caller's transaction: a PIN reset under a checked-in reservation of that contract
     * completes the visit. Anything else (unknown number, not checked in, another contract) is ignored.
     */
    public Uni<Void> completeVisit(SqlClient tx, String number, String contractId) {
        Instant now = clock.instant();
        return streams.lockAndLoad(tx, number).chain(found -> found
                .flatMap(locked -> locked.reservation().completeVisit(contractId, now)
                        .map(completed -> record(tx, locked, completed, now)))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    /** One reservation, once {@code access} let the caller see it. */
    public Uni<ReservationView> get(String number, Consumer<Reservation> access) {
        return projection.find(pool, number)
                .map(found -> found.orElseThrow(() -> new ReservationNotFound(number)))
                .invoke(record -> access.accept(record.toReservation()))
                .chain(record -> view(pool, record));
    }

    public Uni<List<ReservationView>> ofContract(String contractId) {
        return projection.ofContract(pool, contractId).chain(records -> records.isEmpty()
                ? Uni.createFrom().item(List.<ReservationView>of())
                : shops.list(pool, Optional.empty()).chain(all -> pinLocks.find(pool, contractId)
                        .map(lock -> {
                            Map<String, Shop> byId = all.stream().collect(Collectors.toMap(Shop::id, s -> s));
                            String advice = lock.adviceAt(clock.instant()).orElse(null);
                            return records.stream()
                                    .map(r -> ReservationView.of(r, byId.get(r.shopId()), advice))
                                    .toList();
                        })));
    }

    private Uni<ReservationStreams.Locked> lockAndLoad(SqlClient tx, String number, Consumer<Reservation> access) {
        return streams.lockAndLoad(tx, number)
                .map(found -> found.orElseThrow(() -> new ReservationNotFound(number)))
                .invoke(locked -> access.accept(locked.reservation()));
    }

    /** Appends the event to the locked stream and updates the read model. */
    Uni<Void> record(SqlClient tx, ReservationStreams.Locked locked, ReservationEvent event, Instant now) {
        Reservation after = locked.reservation().apply(event);
        return streams.append(tx, after.number(), locked.version(), event, now)
                .chain(() -> projection.changed(tx, event, after, now));
    }

    /** Records the event and answers with the reservation as it now is. */
    private Uni<ReservationView> recordAndView(SqlClient tx, ReservationStreams.Locked locked, ReservationEvent event,
                                               Instant now) {
        return record(tx, locked, event, now)
                .chain(() -> projection.find(tx, locked.reservation().number()))
                .chain(found -> view(tx, found.orElseThrow()));
    }

    private Uni<ReservationView> view(SqlClient client, ReservationRecord record) {
        return shop(client, record.shopId(), ShopNotFound::new)
                .chain(shop -> pinLocks.find(client, record.contractId())
                        .map(lock -> ReservationView.of(record, shop, lock.adviceAt(clock.instant()).orElse(null))));
    }

    private Uni<Shop> shop(SqlClient client, String shopId, Function<String, RuntimeException> missing) {
        return shops.find(client, shopId).map(found -> found.orElseThrow(() -> missing.apply(shopId)));
    }

    private BookingOutcome replay(IdempotencyStore.Earlier earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new IdempotencyKeyReused();
        }
        try {
            return new BookingOutcome(json.readValue(earlier.response(), ReservationView.class), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable for " + earlier.reservationNumber(), e);
        }
    }

    private String write(ReservationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
    }

    private static ReservationRecord bookedRecord(ReservationBooked booked, Instant now) {
        return new ReservationRecord(booked.reservationNumber(), booked.contractId(), booked.shopId(), booked.start(),
                booked.purpose(), booked.feeJpy(), ReservationStatus.BOOKED, null, null, now, now);
    }

    private static void requireFreeCounter(boolean free) {
        if (!free) {
            throw new Refused(Refusal.SLOT_FULL, "Every counter of that slot is booked; choose another slot.");
        }
    }

    /** The booking request's meaning, so that the same request written differently is still the same. */
    static String requestHash(BookVisit command) {
        String canonical = String.join("\n", command.contractId(), command.shopId(), command.start().toString(),
                command.purpose().name());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
