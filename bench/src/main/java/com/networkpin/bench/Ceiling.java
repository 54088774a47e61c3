package com.networkpin.bench;

import com.networkpin.testinfra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor cost of recording one event: single-row INSERT + COMMIT per round trip, on the same
 * PostgreSQL the services use, at a given concurrency. No service can record events faster.
 */
final class Ceiling {

    private static final String DATABASE = "bench_ceiling";

    private Ceiling() {
    }

    static double insertCommitsPerSecond(PostgresServer postgres, int concurrency, Duration duration) {
        postgres.createDatabase(DATABASE);
        try (Connection setup = connect(postgres); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS recorded (id BIGSERIAL PRIMARY KEY, stream TEXT NOT NULL, "
                    + "data JSONB NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder commits = new LongAdder();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String stream = "client-" + i;
            Thread client = new Thread(() -> insertUntilStopped(postgres, stream, running, commits), "ceiling-" + i);
            clients.add(client);
            client.start();
        }
        Load.sleep(duration);
        running.set(false);
        clients.forEach(Load::join);
        return commits.sum() / (duration.toNanos() / 1e9);
    }

    private static void insertUntilStopped(PostgresServer postgres, String stream, AtomicBoolean running,
                                           LongAdder commits) {
        try (Connection connection = connect(postgres);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO recorded (stream, data) VALUES (?, '{\"type\":\"AttemptSucceeded\"}'::jsonb)")) {
            connection.setAutoCommit(true);
            while (running.get()) {
                insert.setString(1, stream);
                insert.executeUpdate();
                commits.increment();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }
}
