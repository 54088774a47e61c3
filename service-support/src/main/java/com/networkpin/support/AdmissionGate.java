package com.networkpin.support;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Admission control of a path of reactive requests: refuse early, never decide late. At most
 * {@code maxInProgress} requests run at once and at most {@code maxWaiting} wait for one of them to end; a
 * request that finds the waiting room full is refused at once, one still waiting at its deadline is refused
 * then; both 503 {@link Overload#overloaded overloaded} with Retry-After, before their work has begun, so
 * nothing is decided or written for them. A waiting request starts on its own Vert.x context (its request's),
 * never on the one of the request that made room. Each refusal is told to a listener with its reason,
 * {@value #FULL} or {@value #DEADLINE} (for a metric).
 */
public final class AdmissionGate {

    private final int maxInProgress;
    private final int maxWaiting;
    private final Duration deadline;
    private final Duration retryAfter;
    /** A refusal's reason: the waiting room was full. */
    public static final String FULL = "full";
    /** A refusal's reason: the request waited until its deadline. */
    public static final String DEADLINE = "deadline";

    private final Consumer<String> refused;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int inProgress;

    public AdmissionGate(int maxInProgress, int maxWaiting, Duration deadline, Duration retryAfter) {
        this(maxInProgress, maxWaiting, deadline, retryAfter, reason -> { });
    }

    /** @param refused told the reason of each refusal, {@value #FULL} or {@value #DEADLINE} */
    public AdmissionGate(int maxInProgress, int maxWaiting, Duration deadline, Duration retryAfter,
                         Consumer<String> refused) {
        if (maxInProgress < 1 || maxWaiting < 0 || deadline.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("an admission needs room for one request and no negative time");
        }
        this.maxInProgress = maxInProgress;
        this.maxWaiting = maxWaiting;
        this.deadline = deadline;
        this.retryAfter = retryAfter;
        this.refused = refused;
    }

    /** The work, started once admitted (on subscription), else the 503 refusal; its end makes room for another. */
    public <T> Uni<T> admit(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Waiter waiter;
            synchronized (this) {
                if (inProgress < maxInProgress) {
                    inProgress++;
                    return run(work);
                }
                if (waiting.size() >= maxWaiting) {
                    return refusal(FULL);
                }
                waiter = new Waiter(Vertx.currentContext());
                waiting.addLast(waiter);
            }
            return waiter.startWhenAdmitted(work);
        });
    }

    /** Requests running now (for tests and metrics). */
    public synchronized int inProgress() {
        return inProgress;
    }

    /** Requests waiting now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private <T> Uni<T> refusal(String reason) {
        refused.accept(reason);
        return Uni.createFrom().failure(Overload.overloaded(retryAfter));
    }

    private <T> Uni<T> run(Supplier<Uni<T>> work) {
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                release();
            }
        };
        return Uni.createFrom().<T>deferred(work::get).onTermination().invoke(end);
    }

    /** One request ended: its place goes to the oldest waiter still within its deadline. */
    private void release() {
        synchronized (this) {
            Waiter next;
            while ((next = waiting.pollFirst()) != null) {
                if (next.admitted.complete(Boolean.TRUE)) {
                    return; // the place passes to it: inProgress stays
                }
            }
            inProgress--;
        }
    }

    private synchronized void forget(Waiter waiter) {
        waiting.remove(waiter);
    }

    /** A request waiting for a place: {@code admitted} completes once, with the place or with its refusal. */
    private final class Waiter {

        final CompletableFuture<Boolean> admitted = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
        final Context context;

        Waiter(Context context) {
            this.context = context;
        }

        <T> Uni<T> startWhenAdmitted(Supplier<Uni<T>> work) {
            admitted.completeOnTimeout(Boolean.FALSE, deadline.toNanos(), TimeUnit.NANOSECONDS);
            Uni<Boolean> decision = Uni.createFrom().completionStage(admitted);
            if (context != null) {
                decision = decision.emitOn(task -> context.runOnContext(ignored -> task.run()));
            }
            return decision.onItem().transformToUni(placed -> {
                if (!placed) {
                    forget(this);
                    return refusal(DEADLINE);
                }
                if (!claimed.compareAndSet(false, true)) {
                    return Uni.createFrom().<T>nothing(); // cancelled meanwhile: the place was given back
                }
                return run(work);
            }).onCancellation().invoke(this::cancelled);
        }

        /** The client went away: a waiter leaves the queue; an admitted one not yet started gives its place back. */
        private void cancelled() {
            if (admitted.complete(Boolean.FALSE)) {
                forget(this);
            } else if (!admitted.isCompletedExceptionally() && admitted.join() && claimed.compareAndSet(false, true)) {
                release();
            }
        }
    }
}
