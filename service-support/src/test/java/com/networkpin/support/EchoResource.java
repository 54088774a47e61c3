package com.networkpin.support;

import io.vertx.sqlclient.DatabaseException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.net.ConnectException;

/** A resource that exists only to exercise the problem mappers. */
@Path("/echo")
@Consumes(MediaType.APPLICATION_JSON)
public class EchoResource {

    public record Greeting(@NotBlank String name, @Pattern(regexp = "\\d{4}") String code, int times) {
    }

    @POST
    public Greeting echo(@Valid Greeting greeting) {
        if ("refuse".equals(greeting.name())) {
            throw new ProblemException(Problem.of(409, "refused", "Refused", "Refused on purpose.")
                    .with("reason", "ON_PURPOSE"));
        }
        if ("pool-full".equals(greeting.name())) {
            throw new IllegalStateException("acquire failed",
                    new io.vertx.core.http.ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1"));
        }
        if ("pool-timeout".equals(greeting.name())) {
            throw new IllegalStateException("acquire failed", new io.vertx.core.impl.NoStackTraceThrowable("Timeout"));
        }
        if ("query-pool-timeout".equals(greeting.name())) {
            throw new io.vertx.core.VertxException("Timeout waiting for connection", true);
        }
        if ("database-away".equals(greeting.name())) {
            throw new IllegalStateException("query failed", new ConnectException("Connection refused"));
        }
        if ("database-starting".equals(greeting.name())) {
            throw new DatabaseException("the database system is starting up", 0, "57P03") {
            };
        }
        if ("database-read-only".equals(greeting.name())) {
            throw new DatabaseException("cannot execute INSERT in a read-only transaction", 0, "25006") {
            };
        }
        if ("database-connection-closed".equals(greeting.name())) {
            throw new IllegalStateException("commit failed", io.vertx.sqlclient.ClosedConnectionException.INSTANCE);
        }
        if ("database-shutting-down".equals(greeting.name())) {
            throw new IllegalStateException("error executing SQL statement",
                    new java.sql.SQLException("terminating connection due to administrator command", "57P01"));
        }
        if ("duplicate".equals(greeting.name())) {
            throw new IllegalStateException("error executing SQL statement",
                    new java.sql.SQLException("duplicate key value violates unique constraint", "23505"));
        }
        if ("crash".equals(greeting.name())) {
            throw new IllegalStateException("secret 4821 inside");
        }
        return greeting;
    }
}
