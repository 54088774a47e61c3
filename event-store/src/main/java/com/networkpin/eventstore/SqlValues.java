package com.networkpin.eventstore;

import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What every service's SQL shares with the event store's: how an instant is bound, which failure is a duplicate key. */
public final class SqlValues {

    /** PostgreSQL's {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlValues() {
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
