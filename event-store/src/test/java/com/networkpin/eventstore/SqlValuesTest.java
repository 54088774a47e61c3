package com.networkpin.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.eventstore.store.SqlValues;
import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlValuesTest {

    @Test
    void anInstantIsBoundAtUtcAndNullStaysNull() {
        Instant midnightInTokyo = Instant.parse("2026-11-30T15:00:00Z");

        assertEquals(ZoneOffset.UTC, SqlValues.utc(midnightInTokyo).getOffset());
        assertEquals(midnightInTokyo, SqlValues.utc(midnightInTokyo).toInstant());
        assertNull(SqlValues.utc(null));
    }

    @Test
    void onlyAUniqueViolationIsADuplicateKey() {
        assertTrue(SqlValues.isUniqueViolation(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(SqlValues.isUniqueViolation(new PgException("deadlock", "ERROR", "40P01", null)));
        assertFalse(SqlValues.isUniqueViolation(new IllegalStateException("23505")));
    }
}
