package com.networkpin.pin.service;

import com.networkpin.eventstore.store.Transactions;
import com.networkpin.eventstore.store.TransientFailures;
import com.networkpin.pin.config.PinConfig;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import com.networkpin.support.Overload;
import com.networkpin.support.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Group commit of verifications. A contract always goes to the same lane; a lane runs one transaction
 * at a time ({@link VerificationBatch}), and whatever arrives meanwhile goes in its next one, so an idle
 * lane starts at once and a busy one shares its commit (and the commit's flush to disk) among up to
 * {@code max-batch} verifications. A batch that fails as a whole on a stream created concurrently answers
 * "not batched", and each of its verifications runs alone. One that lost its database (a connection
 * closed, e.g. in a failover) fails each of its verifications (503 with Retry-After): its COMMIT may
 * have taken effect, so running them again would count them twice; a client that sends one again with
 * its Idempotency-Key gets the committed answer if there was one.
 *
 * <p>Admission control ({@link PinConfig.Admission}): each lane's waiting room ({@link LaneQueue}) is bounded,
 * shared fairly between clients, and has a deadline, checked when a batch is formed; a refused request is
 * answered at once and never decided. Waiting is timed on {@link System#nanoTime()}, not on the service's
 * {@code Clock}: that one is the business time, which the demo clock moves by hours.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private final Transactions transactions;
    private final VerificationBatch batch;
    private final PinMetrics metrics;
    private final Vertx vertx;
    private final int maxBatch;
    private final Duration retryAfter;
    private final Lane[] lanes;

    public GroupCommit(Transactions transactions, VerificationBatch batch, PinMetrics metrics, Vertx vertx,
                       PinConfig config) {
        this.transactions = transactions;
        this.batch = batch;
        this.metrics = metrics;
        this.vertx = vertx;
        this.maxBatch = config.groupCommit().maxBatch();
        PinConfig.Admission admission = config.groupCommit().admission();
        this.retryAfter = admission.retryAfter();
        this.lanes = new Lane[config.groupCommit().lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(admission.enabled()
                    ? new LaneQueue<>(admission.bound(), Math.max(1, (int) (admission.bound() * admission.perClientShare())),
                            admission.deadline().toNanos())
                    : new LaneQueue<>(Integer.MAX_VALUE, Integer.MAX_VALUE, 0));
        }
    }

    /**
     * The verification's outcome once its transaction committed; empty when its batch failed as a whole; a
     * {@link ProblemException} (503 or 429, with Retry-After) when admission refused it, and then nothing was
     * decided. {@code client} is the calling application, whose share of a lane is bounded. The answer comes
     * back on the caller's Vert.x context.
     */
    public Uni<Optional<VerificationOutcome>> submit(PendingVerification verification, String client) {
        Context caller = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> lanes[Math.floorMod(verification.contractId().hashCode(), lanes.length)]
                .submit(new Waiting(verification, caller, emitter), client));
    }

    private record Waiting(PendingVerification verification, Context caller,
                           UniEmitter<? super Optional<VerificationOutcome>> emitter) {

        void answer(Optional<VerificationOutcome> outcome) {
            onCaller(() -> emitter.complete(outcome));
        }

        void fail(Throwable failure) {
            onCaller(() -> emitter.fail(failure));
        }

        private void onCaller(Runnable answer) {
            if (caller == null) {
                answer.run();
            } else {
                caller.runOnContext(ignored -> answer.run());
            }
        }
    }

    private final class Lane {

        private final LaneQueue<Waiting> queue;
        private boolean running;

        Lane(LaneQueue<Waiting> queue) {
            this.queue = queue;
        }

        void submit(Waiting waiting, String client) {
            boolean start;
            LaneQueue.Admitted<Waiting> admitted;
            synchronized (this) {
                admitted = queue.admit(waiting, client, System.nanoTime());
                start = admitted.admission() == LaneQueue.Admission.ADMITTED && !running;
                running |= start;
            }
            if (admitted.pushedOut() != null) {
                refused(admitted.pushedOut(), "client-quota");
            }
            switch (admitted.admission()) {
                case LANE_FULL -> refused(waiting, "lane-full");
                case CLIENT_QUOTA -> refused(waiting, "client-quota");
                case ADMITTED -> {
                    if (start) {
                        runNext();
                    }
                }
            }
        }

        /** Why: lane-full, client-quota (429), deadline or pool (503). */
        private void refused(Waiting waiting, String why) {
            metrics.admissionRefused(why);
            waiting.fail(why.equals("client-quota") ? Overload.clientQuota(retryAfter) : Overload.overloaded(retryAfter));
        }

        /**
         * The next batch, on a fresh duplicated context of the current event loop: no request's span or
         * locals leak into a transaction shared by many requests.
         */
        private void runNext() {
            LaneQueue.Next<Waiting> taken;
            synchronized (this) {
                taken = queue.next(maxBatch, System.nanoTime());
                running = !taken.batch().isEmpty();
            }
            taken.expired().forEach(waiting -> refused(waiting, "deadline"));
            List<Waiting> next = taken.batch();
            if (next.isEmpty()) {
                return;
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
                            if (Overload.isPoolBusy(failure)) { // no connection in time: nothing began, none runs alone
                                next.forEach(waiting -> refused(waiting, "pool"));
                                return;
                            }
                            if (TransientFailures.isDatabaseLost(failure)) { // committed or not: unknown
                                next.forEach(waiting -> waiting.fail(failure));
                                return;
                            }
                            LOG.debugf(failure, "a batch of %d verifications failed; each runs alone", next.size());
                            next.forEach(waiting -> waiting.answer(Optional.empty()));
                        } finally {
                            runNext();
                        }
                    }));
        }
    }
}
