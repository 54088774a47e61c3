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
 * answered at once and never decided. The room follows what the lane can start within the target wait: after
 * each batch the lane's time per verification (a moving average of the batch's duration over its size) sets
 * the limit, between {@value #MIN_LIMIT} and the bound, so a slower database or a busier machine refuses sooner
 * instead of making the admitted wait. {@link #wouldAdmit} asks a lane before the request is even read
 * ({@code EarlyAdmission}). Waiting is timed on {@link System#nanoTime()}, not on the service's
 * {@code Clock}: that one is the business time, which the demo clock moves by hours.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /**
     * The least room a lane keeps, however slow its batches: half the bound, so that a closed loop of 64 clients
     * spread over the lanes (about 16 a lane) is never refused for the target wait alone.
     */
    static final int MIN_LIMIT = 32;
    /** Weight of the newest batch in the moving average of the time per verification. */
    private static final double SMOOTHING = 0.2;

    private final Transactions transactions;
    private final VerificationBatch batch;
    private final PinMetrics metrics;
    private final Vertx vertx;
    private final int maxBatch;
    private final Duration retryAfter;
    private final long targetWaitNanos;
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
        this.targetWaitNanos = admission.enabled() ? admission.targetWait().toNanos() : 0;
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
        return Uni.createFrom().emitter(emitter -> lane(verification.contractId())
                .submit(new Waiting(verification, caller, emitter), client));
    }

    /**
     * The refusal a verification of {@code contractId} by {@code client} would get now, if any: asked when the
     * request arrives, so that past capacity it is refused before its token, body and PIN are worked on. An
     * answer of empty is no promise: {@link #submit} decides again.
     */
    public Optional<ProblemException> wouldAdmit(String contractId, String client) {
        Lane lane = lane(contractId);
        LaneQueue.Admission admission;
        synchronized (lane) {
            admission = lane.queue.wouldAdmit(client);
        }
        return switch (admission) {
            case ADMITTED -> Optional.empty();
            case LANE_FULL -> Optional.of(refusal("lane-full"));
            case CLIENT_QUOTA -> Optional.of(refusal("client-quota"));
        };
    }

    private Lane lane(String contractId) {
        return lanes[Math.floorMod(contractId.hashCode(), lanes.length)];
    }

    /** Why: lane-full, client-quota (429), deadline or pool (503). */
    private ProblemException refusal(String why) {
        metrics.admissionRefused(why);
        return why.equals("client-quota") ? Overload.clientQuota(retryAfter) : Overload.overloaded(retryAfter);
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
        /** Moving average of a batch's duration over its size; 0 until the first batch. */
        private double nanosPerVerification;

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

        private void refused(Waiting waiting, String why) {
            waiting.fail(refusal(why));
        }

        /** The room this lane can start within the target wait, from the batch just committed. */
        private synchronized void committed(int size, long nanos) {
            if (targetWaitNanos <= 0) {
                return;
            }
            double perVerification = (double) nanos / size;
            nanosPerVerification = nanosPerVerification == 0 ? perVerification
                    : (1 - SMOOTHING) * nanosPerVerification + SMOOTHING * perVerification;
            queue.limit((int) Math.max(MIN_LIMIT, Math.min(Integer.MAX_VALUE, targetWaitNanos / nanosPerVerification)));
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
            long began = System.nanoTime();
            context.runOnContext(ignored -> transactions.inTransaction(tx -> batch.decide(tx, verifications))
                    .subscribe().with(outcomes -> {
                        try {
                            committed(next.size(), System.nanoTime() - began);
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
