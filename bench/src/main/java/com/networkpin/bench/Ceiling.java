package com.networkpin.bench;

import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The floor cost of recording one event (part of C0): single-row INSERT + COMMIT per round trip, on the
 * same PostgreSQL the services use, at a given concurrency. No service can record events faster. The
 * floor fixture's {@code POST /floor/insert} (C1) writes the same row into the same table.
 */
final class Ceiling {

    static final String DATABASE = "bench_ceiling";

    private Ceiling() {
    }

    /** Creates the database and its one table unless they exist. */
    static void prepare(PostgresServer postgres) {
        postgres.createDatabase(DATABASE);
        try (Connection setup = JdbcLoad.connect(postgres, DATABASE); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS recorded (id BIGSERIAL PRIMARY KEY, stream TEXT NOT NULL, "
                    + "data JSONB NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static double insertCommitsPerSecond(PostgresServer postgres, int concurrency, Duration duration) {
        prepare(postgres);
        return JdbcLoad.perSecond(postgres, DATABASE, concurrency, duration, (connection, client) -> {
            String stream = "client-" + client;
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO recorded (stream, data) VALUES (?, '{\"type\":\"AttemptSucceeded\"}'::jsonb)");
            connection.setAutoCommit(true);
            return () -> {
                insert.setString(1, stream);
                insert.executeUpdate();
            };
        });
    }
}
