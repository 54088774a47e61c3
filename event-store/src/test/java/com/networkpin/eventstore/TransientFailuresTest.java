package com.networkpin.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.eventstore.store.ConcurrencyConflict;
import com.networkpin.eventstore.store.TransientFailures;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a failover looks like to a service: the old primary's connections closed, the new primary
 * refusing while it starts, a demoted primary answering read-only. Each is transient (retried, or
 * answered 503 with Retry-After); those that lose the database leave a COMMIT's outcome unknown.
 */
class TransientFailuresTest {

    @ParameterizedTest(name = "{0}: transient={1}, database lost={2}")
    @CsvSource({
            "25006 read-only (a demoted primary), true, true",
            "57P01 terminating connection (admin shutdown), true, true",
            "57P02 crash shutdown, true, true",
            "57P03 the database system is starting up, true, true",
            "08006 connection failure, true, true",
            "08001 cannot establish a connection, true, true",
            "40001 serialization failure, true, false",
            "40P01 deadlock, true, false",
            "23505 unique violation, false, false",
            "42P01 undefined table, false, false"})
    void aFailureIsClassifiedByItsSqlState(String failure, boolean transientFailure, boolean lost) {
        String state = failure.substring(0, 5);
        Throwable wrapped = new CompletionException(new PgException(failure, "ERROR", state, null));

        assertEquals(transientFailure, TransientFailures.isKnownTransient(wrapped), "transient");
        assertEquals(lost, TransientFailures.isDatabaseLost(wrapped), "database lost");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"closed connection", "connection refused", "stream conflict", "bug"})
    void aFailureIsClassifiedByItsType(String kind) {
        Throwable failure = switch (kind) {
            case "closed connection" -> new IllegalStateException(ClosedConnectionException.INSTANCE);
            case "connection refused" -> new ConnectException("Connection refused");
            case "stream conflict" -> new ConcurrencyConflict("pin-1", 3);
            default -> new IllegalStateException("a bug");
        };
        boolean lost = kind.equals("closed connection") || kind.equals("connection refused");

        assertEquals(!kind.equals("bug"), TransientFailures.isKnownTransient(failure), "transient");
        assertEquals(lost, TransientFailures.isDatabaseLost(failure), "database lost: a COMMIT's outcome unknown");
    }
}
