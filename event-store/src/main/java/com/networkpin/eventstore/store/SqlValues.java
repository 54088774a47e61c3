package com.networkpin.eventstore.store;

import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What every service's SQL shares with the event store's: how an instant is bound, which failure is a
 * duplicate key, which SQLState says the database is away.
 */
public final class SqlValues {

    /** PostgreSQL's {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";

    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now, and read_only_sql_transaction: the server
     * answering is a standby (a primary demoted in a failover, reached before the proxy moved), so the
     * writer is elsewhere for now. service-support's DatabaseUnavailable repeats these and the classes
     * below: it cannot depend on this module (a cycle through test-infra).
     */
    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03", "25006");
    /** connection_exception, insufficient_resources (e.g. too many connections). */
    private static final Set<String> AWAY_CLASSES = Set.of("08", "53");

    private SqlValues() {
    }

    /** Whether a SQLState says the database is away (shutting down, starting, refusing, out of connections, or a standby now). */
    public static boolean isDatabaseAway(String sqlState) {
        return sqlState != null && (AWAY_STATES.contains(sqlState)
                || sqlState.length() == 5 && AWAY_CLASSES.contains(sqlState.substring(0, 2)));
    }

    /** An instant as the PG client binds it to {@code timestamptz}; null stays null (SQL NULL). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Whether a statement failed on a unique key: another writer got there first. */
    public static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
