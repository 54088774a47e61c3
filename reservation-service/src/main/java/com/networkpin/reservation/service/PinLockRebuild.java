package com.networkpin.reservation.service;

import com.networkpin.events.LatestLockEvents;
import com.networkpin.events.Topics;
import com.networkpin.eventstore.consume.TopicReplay;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.reservation.store.PinLockStore.Recorded;
import com.networkpin.reservation.store.PinLockStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rebuilds each contract's PIN lock state ({@code contract_pin_lock}) from the PIN topic: the operator's
 * remedy for a projection that is suspect (a bug fixed, a table restored from an old backup). One
 * transaction holds the projection's writers back first, so the live consumer waits; then it reads the
 * topic to its end at that moment, empties the table and writes each contract's newest lock event. A
 * batch the live consumer was applying meanwhile goes through after the commit and changes nothing it
 * already saw (the rows keep their stream sequence). Visits are not touched: a PinReset's completion of
 * a visit is the reservation stream's, not this projection's.
 *
 * <p>The topic's retention (7 days by default) is enough: the lock state only serves the booking
 * advice while a lock is in force, and a lock lifts at the next midnight in Japan, so the event that
 * decides every lock still in force is at most a day old. A contract whose lock events all left the
 * topic gets no row, which reads as "not locked", as its old row (a lock long lifted) did.
 */
@ApplicationScoped
public class PinLockRebuild {

    /** What a rebuild read (records), wrote (contracts with a lock event) and how many locks are in force now. */
    public record Rebuilt(long records, long contracts, long lockedNow, long tookMillis) {
    }

    private static final Logger LOG = Logger.getLogger(PinLockRebuild.class);

    private final Transactions transactions;
    private final PinLockStore pinLocks;
    private final TopicReplay replay;
    private final Clock clock;

    public PinLockRebuild(Transactions transactions, PinLockStore pinLocks, TopicReplay replay, Clock clock) {
        this.transactions = transactions;
        this.pinLocks = pinLocks;
        this.replay = replay;
        this.clock = clock;
    }

    public Uni<Rebuilt> rebuild() {
        long began = System.nanoTime();
        return transactions.inTransaction(tx -> {
                    LatestLockEvents latest = new LatestLockEvents(); // afresh if the transaction is retried
                    return pinLocks.holdWriters(tx)
                            .chain(() -> replay.replay(Topics.PIN_EVENTS, record -> latest.add(record.value())))
                            .chain(() -> write(tx, latest, began));
                })
                .invoke(rebuilt -> LOG.infof("PIN lock states rebuilt from %s: %s", Topics.PIN_EVENTS, rebuilt));
    }

    private Uni<Rebuilt> write(SqlClient tx, LatestLockEvents latest, long began) {
        List<Recorded> rows = latest.latest().stream().flatMap(envelope -> Recorded.of(envelope).stream()).toList();
        Instant now = clock.instant();
        long lockedNow = rows.stream().filter(row -> row.lockedUntil() != null && row.lockedUntil().isAfter(now)).count();
        return pinLocks.replaceAll(tx, rows).map(done -> new Rebuilt(latest.records(), rows.size(), lockedNow,
                (System.nanoTime() - began) / 1_000_000));
    }
}
