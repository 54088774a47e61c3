package com.networkpin.scheduler.service;

import com.networkpin.events.LatestLockEvents;
import com.networkpin.events.Topics;
import com.networkpin.eventstore.consume.TopicReplay;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.scheduler.domain.LockChanges;
import com.networkpin.scheduler.store.PendingLockStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Rebuilds the pending locks from the PIN topic, from its first record: the operator's remedy for a
 * projection that is suspect (a bug fixed, a table restored from an old backup). One transaction
 * holds the projection's writers back first, so the live consumer waits; then it reads the topic up
 * to its end at that moment, empties the projection and writes what the whole topic folds into. A
 * batch the live consumer was applying meanwhile goes through after the commit and changes nothing it
 * already saw: the stream positions let only newer events through.
 *
 * <p>The PIN topic's retention (7 days by default) is enough: a lock lifts at the next midnight, so
 * every pending lock and the events that decide it are at most a day old.
 */
@ApplicationScoped
public class PendingLockRebuild {

    /** What a rebuild read (records; contracts with lock events) and wrote (pending locks). */
    public record Rebuilt(long records, long contracts, long pendingLocks, long tookMillis) {
    }

    private static final Logger LOG = Logger.getLogger(PendingLockRebuild.class);

    private final Transactions transactions;
    private final PendingLockStore locks;
    private final TopicReplay replay;

    public PendingLockRebuild(Transactions transactions, PendingLockStore locks, TopicReplay replay) {
        this.transactions = transactions;
        this.locks = locks;
        this.replay = replay;
    }

    public Uni<Rebuilt> rebuild() {
        long began = System.nanoTime(); // elapsed time: not the service's clock, which a demo moves
        return transactions.inTransaction(tx -> {
                    LatestLockEvents latest = new LatestLockEvents(); // afresh if the transaction is retried
                    return locks.holdWriters(tx)
                            .chain(() -> replay.replay(Topics.PIN_EVENTS, record -> latest.add(record.value())))
                            .chain(() -> {
                                LockChanges changes = LockChanges.fromEnvelopes(latest.latest());
                                return locks.clear(tx).chain(() -> locks.apply(tx, changes))
                                        .map(done -> new Rebuilt(latest.records(), changes.sequences().size(),
                                                changes.locked().size(), (System.nanoTime() - began) / 1_000_000));
                            });
                })
                .invoke(rebuilt -> LOG.infof("pending locks rebuilt from %s: %s", Topics.PIN_EVENTS, rebuilt));
    }
}
