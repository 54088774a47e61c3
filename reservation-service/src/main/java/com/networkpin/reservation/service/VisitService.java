package com.networkpin.reservation.service;

import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.reservation.domain.BookingPolicy;
import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.ReservationProjection;
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
 * The visit half: the shop's identity check, the visit completed by the PIN reset under it, and
 * the no-show of a booking nobody checked in for.
 */
@ApplicationScoped
public class VisitService {

    private final Transactions transactions;
    private final Pool pool;
    private final ReservationProjection projection;
    private final ReservationChanges changes;
    private final BookingPolicy policy;
    private final Clock clock;
    private final ReservationMetrics metrics;
    private final ChangeAnswers changeAnswers;

    public VisitService(Transactions transactions, Pool pool, ReservationProjection projection,
                        ReservationChanges changes, BookingPolicy policy, Clock clock, ReservationMetrics metrics,
                        ChangeAnswers changeAnswers) {
        this.transactions = transactions;
        this.pool = pool;
        this.projection = projection;
        this.changes = changes;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.changeAnswers = changeAnswers;
    }

    /** The shop's identity check; success is what lets the pin-service grant a reset. Once per Idempotency-Key. */
    public Uni<BookingOutcome> checkIn(String number, String document, boolean original, String staffId,
                                       Consumer<Reservation> access, Optional<IdempotentRequest> idempotency) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return changes.lockAndLoad(tx, number, access).chain(locked -> changeAnswers.once(tx, idempotency, now,
                    () -> changes.recordAndView(tx, locked,
                            locked.reservation().checkIn(document, original, staffId, now, policy), now)));
        }).invoke(outcome -> {
            if (!outcome.replayed()) {
                metrics.checkedIn(document);
            }
        });
    }

    /**
     * In the caller's transaction: a PIN reset under a checked-in reservation of that contract
     * completes the visit. Anything else (unknown number, not checked in, another contract) is ignored.
     */
    public Uni<Void> completeVisit(SqlClient tx, String number, String contractId) {
        Instant now = clock.instant();
        return changes.lockAndLoadIfAny(tx, number).chain(found -> found
                .flatMap(locked -> locked.reservation().completeVisit(contractId, now)
                        .map(completed -> changes.record(tx, locked, completed, now)))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    /** Marks the booking a no-show if it is one now, in its own transaction; true when it was marked. */
    public Uni<Boolean> markNoShow(String number) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            return changes.lockAndLoadIfAny(tx, number).chain(found -> found
                    .flatMap(locked -> locked.reservation().markNoShow(now, policy)
                            .map(noShow -> changes.record(tx, locked, noShow, now).replaceWith(true)))
                    .orElseGet(() -> Uni.createFrom().item(false)));
        }).invoke(marked -> {
            if (marked) {
                metrics.noShow();
            }
        });
    }

    /** Bookings whose slot ended more than the grace period ago with nobody checked in, oldest first. */
    public Uni<List<String>> dueForNoShow(int limit) {
        Instant latestStart = clock.instant().minus(Slots.LENGTH).minus(policy.noShowGrace());
        return projection.awaitingCheckInSince(pool, latestStart, limit);
    }
}
