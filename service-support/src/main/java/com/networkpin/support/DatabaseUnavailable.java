package com.networkpin.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a request that failed because the database is away (refusing connections, dropping them,
 * starting up or shutting down) from one that failed for a bug: the first is answered 503 with
 * Retry-After, since the same request succeeds once the database is back.
 */
final class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";
    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now, read_only_sql_transaction (a standby answered:
     * the primary moved in a failover). The same states as event-store's SqlValues.isDatabaseAway, which
     * this module cannot depend on (test-infra depends on it).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");
    /** connection_exception, insufficient_resources (e.g. too many connections). */
    private static final Set<String> CLASSES = Set.of("08", "53");

    private DatabaseUnavailable() {
    }

    /** The failure's cause that says the database is away, if there is one. */
    static Optional<Throwable> cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // Refused, reset or broken: the only sockets a request's work uses are the database's
            // (Jackson's failures are IOExceptions too, and bugs).
            if (cause instanceof IOException && !(cause instanceof JsonProcessingException)
                    || cause instanceof ClosedConnectionException) {
                return Optional.of(cause);
            }
            // The reactive client's error, or the SQLException Hibernate Reactive makes of it.
            if (cause instanceof DatabaseException || cause instanceof SQLException) {
                String state = cause instanceof DatabaseException database
                        ? database.getSqlState() : ((SQLException) cause).getSQLState();
                boolean away = state != null && (STATES.contains(state)
                        || state.length() == 5 && CLASSES.contains(state.substring(0, 2)));
                return away ? Optional.of(cause) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
