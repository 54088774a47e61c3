package com.networkpin.scheduler.service;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.scheduler.domain.Midnight;
import com.networkpin.scheduler.domain.Midnights;
import com.networkpin.scheduler.store.MidnightStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Publishes the MidnightUnlock of the latest midnight at or before now, once per Japanese date.
 * The database decides who publishes: the midnight row and the outbox message are written in one
 * transaction, and the row's primary key lets only one claimant of a date through, whichever
 * replica or tick it is. The same call publishes a midnight missed while the scheduler was down
 * (only the latest one: its instant covers every earlier lock), and on a brand-new database it
 * publishes the current date's midnight, which lifts nothing more than is already due.
 */
@ApplicationScoped
public class MidnightPublisher {

    private static final long FIRST_OF_ITS_STREAM = 1;

    private final Clock clock;
    private final Midnights calendar;
    private final Transactions transactions;
    private final MidnightStore midnights;
    private final Outbox outbox;

    public MidnightPublisher(Clock clock, Midnights calendar, Transactions transactions, MidnightStore midnights,
                             Outbox outbox) {
        this.clock = clock;
        this.calendar = calendar;
        this.transactions = transactions;
        this.midnights = midnights;
        this.outbox = outbox;
    }

    /** The event this call published, or empty when the current midnight had already been published. */
    public Uni<Optional<MidnightUnlock>> publishDue() {
        Instant now = clock.instant();
        Midnight due = calendar.latestAtOrBefore(now); // never a midnight ahead of this clock
        return midnights.isPublished(due)
                .chain(published -> published ? Uni.createFrom().item(Optional.<MidnightUnlock>empty())
                        : transactions.inTransaction(tx -> publish(tx, due, now)));
    }

    private Uni<Optional<MidnightUnlock>> publish(SqlConnection tx, Midnight due, Instant now) {
        return midnights.claim(tx, due, now).chain(pendingLocks -> {
            if (pendingLocks.isEmpty()) {
                return Uni.createFrom().item(Optional.<MidnightUnlock>empty()); // another tick or replica won
            }
            MidnightUnlock event = due.unlock(pendingLocks.get(), now);
            EventEnvelope<MidnightUnlock> envelope =
                    EventEnvelope.of(MidnightUnlock.eventIdFor(due.date()), FIRST_OF_ITS_STREAM, due.instant(), event);
            return outbox.enqueue(tx, List.of(OutboxMessage.of(envelope))).replaceWith(Optional.of(event));
        });
    }
}
