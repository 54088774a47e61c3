package com.networkpin.pin.service;

import com.networkpin.eventstore.store.Transactions;
import com.networkpin.pin.config.PinConfig;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Group commit of verifications. A contract always goes to the same lane; a lane runs one transaction
 * at a time ({@link VerificationBatch}), and whatever arrives meanwhile goes in its next one, so an idle
 * lane starts at once and a busy one shares its commit (and the commit's flush to disk) among up to
 * {@code max-batch} verifications. A batch that fails as a whole (database away, a stream created
 * concurrently) answers "not batched", and each of its verifications runs alone.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private final Transactions transactions;
    private final VerificationBatch batch;
    private final PinMetrics metrics;
    private final Vertx vertx;
    private final int maxBatch;
    private final Lane[] lanes;

    public GroupCommit(Transactions transactions, VerificationBatch batch, PinMetrics metrics, Vertx vertx,
                       PinConfig config) {
        this.transactions = transactions;
        this.batch = batch;
        this.metrics = metrics;
        this.vertx = vertx;
        this.maxBatch = config.groupCommit().maxBatch();
        this.lanes = new Lane[config.groupCommit().lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
    }

    /**
     * The verification's outcome once its transaction committed; empty when its batch failed as a whole.
     * The answer comes back on the caller's Vert.x context.
     */
    public Uni<Optional<VerificationOutcome>> submit(PendingVerification verification) {
        Context caller = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> lanes[Math.floorMod(verification.contractId().hashCode(), lanes.length)]
                .submit(new Waiting(verification, caller, emitter)));
    }

    private record Waiting(PendingVerification verification, Context caller,
                           UniEmitter<? super Optional<VerificationOutcome>> emitter) {

        void answer(Optional<VerificationOutcome> outcome) {
            if (caller == null) {
                emitter.complete(outcome);
            } else {
                caller.runOnContext(ignored -> emitter.complete(outcome));
            }
        }
    }

    private final class Lane {

        private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        private boolean running;

        void submit(Waiting waiting) {
            boolean start;
            synchronized (this) {
                queue.add(waiting);
                start = !running;
                running = true;
            }
            if (start) {
                runNext();
            }
        }

        /**
         * The next batch, on a fresh duplicated context of the current event loop: no request's span or
         * locals leak into a transaction shared by many requests.
         */
        private void runNext() {
            List<Waiting> next = new ArrayList<>();
            synchronized (this) {
                while (!queue.isEmpty() && next.size() < maxBatch) {
                    next.add(queue.poll());
                }
                if (next.isEmpty()) {
                    running = false;
                    return;
                }
            }
            Context current = Vertx.currentContext();
            Context context = VertxContext.createNewDuplicatedContext(current == null ? vertx.getOrCreateContext() : current);
            List<PendingVerification> verifications = next.stream().map(Waiting::verification).toList();
            context.runOnContext(ignored -> transactions.inTransaction(tx -> batch.decide(tx, verifications))
                    .subscribe().with(outcomes -> {
                        try {
                            metrics.batchCommitted(next.size());
                            for (int i = 0; i < next.size(); i++) {
                                next.get(i).answer(Optional.of(outcomes.get(i)));
                            }
                        } finally {
                            runNext(); // whatever happened above, the lane never stalls
                        }
                    }, failure -> {
                        try {
                            LOG.debugf(failure, "a batch of %d verifications failed; each runs alone", next.size());
                            next.forEach(waiting -> waiting.answer(Optional.empty()));
                        } finally {
                            runNext();
                        }
                    }));
        }
    }
}
