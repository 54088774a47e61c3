package com.networkpin.eventstore.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that goes away by itself (the database restarting, a pool time-out, a deadlock,
 * a serialization failure, a stream conflict) from one that fails again however often it is
 * retried (a projection that cannot apply an event).
 */
@ApplicationScoped
public class TransientFailures {

    /** deadlock_detected, serialization_failure, lock_not_available; besides a database away. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "40001", "55P03");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Pool pool;

    public TransientFailures(Pool pool) {
        this.pool = pool;
    }

    /** Known transient by its type or SQLState, anywhere in the cause chain. */
    public static boolean isKnownTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg) {
                String state = pg.getSqlState();
                return TRANSIENT_STATES.contains(state) || SqlValues.isDatabaseAway(state);
            }
            if (cause instanceof ConcurrencyConflict || cause instanceof ClosedConnectionException
                    || cause instanceof ConnectionPoolTooBusyException || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the failure says the database was lost (a connection closed or broken, the server shutting
     * down, refusing, or a standby now), anywhere in the cause chain. A transaction that failed so may
     * have committed (the COMMIT was sent, its answer never came): it must be answered as a failure the
     * client may retry with its Idempotency-Key, never done again on the client's behalf and never
     * answered as a success.
     */
    public static boolean isDatabaseLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg) {
                return SqlValues.isDatabaseAway(pg.getSqlState());
            }
            if (cause instanceof ClosedConnectionException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Transient if known to be, or if the database does not answer now: whatever a failure looks
     * like while the database is away, it says nothing about the event being applied.
     */
    public Uni<Boolean> isTransient(Throwable failure) {
        if (isKnownTransient(failure)) {
            return Uni.createFrom().item(true);
        }
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(rows -> false)
                .onFailure().recoverWithItem(true);
    }
}
