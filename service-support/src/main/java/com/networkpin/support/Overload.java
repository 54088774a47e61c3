package com.networkpin.support;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.json.Json;
import java.time.Duration;
import java.util.Set;

/**
 * The refusals of a service past its capacity or on its way down: answered at once, before anything is
 * decided or written, with Retry-After, so a client (or its gateway) tries again later or elsewhere.
 */
public final class Overload {

    /** The Retry-After of a command refused by a busy database pool. */
    static final Duration POOL_RETRY_AFTER = Duration.ofSeconds(1);
    /**
     * The reactive pool's failures when a command waited {@code connection-timeout} for a connection: a
     * {@code NoStackTraceThrowable} "Timeout" from the pool's wait queue, "Timeout waiting for connection" from
     * a pooled query.
     */
    private static final Set<String> POOL_TIMEOUTS = Set.of("Timeout", "Timeout waiting for connection");

    private Overload() {
    }

    /**
     * Whether the failure is the database pool refusing to queue a command (its wait queue full, or the
     * command waited too long for a connection): the command never began its transaction.
     */
    public static boolean isPoolBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectionPoolTooBusyException
                    || (cause instanceof NoStackTraceThrowable || cause instanceof VertxException)
                    && POOL_TIMEOUTS.contains(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** 503 {@code overloaded}: the service cannot start the request in time. */
    public static ProblemException overloaded(Duration retryAfter) {
        return new ProblemException(Problem.of(503, "overloaded", "Overloaded",
                "The service is past its capacity and did not start this request; nothing was recorded. Try again"
                        + " after Retry-After."), retryAfter);
    }

    /** 429 {@code too-many-requests}: this client holds its whole share of the service's capacity. */
    public static ProblemException clientQuota(Duration retryAfter) {
        return new ProblemException(Problem.of(429, "too-many-requests", "Too many requests",
                "This client has its whole share of the service's capacity in progress; nothing was recorded. Try"
                        + " again after Retry-After."), retryAfter);
    }

    /** 503 {@code shutting-down}: this instance is stopping; another one (or this one restarted) will answer. */
    public static ProblemException shuttingDown(Duration retryAfter) {
        return new ProblemException(Problem.of(503, "shutting-down", "Shutting down",
                "This instance is stopping and takes no new requests; nothing was recorded. Try again after"
                        + " Retry-After."), retryAfter);
    }

    /**
     * Answers a refusal straight from a Vert.x route, before the request reaches the REST layer: its problem
     * with Retry-After, as the REST layer's mapper would.
     */
    public static void answer(HttpServerResponse response, ProblemException refusal) {
        response.setStatusCode(refusal.problem().status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        refusal.retryAfterHeader().ifPresent(after -> response.putHeader(HttpHeaders.RETRY_AFTER, after));
        response.end(Json.encode(refusal.problem()));
    }
}
