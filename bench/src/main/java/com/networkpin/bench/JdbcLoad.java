package com.networkpin.bench;

import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's own minimal database client, for the C0 ceilings: a closed loop of JDBC clients,
 * each with one connection and thread, running a scripted unit of work after another. The clock starts
 * once every client is connected and prepared, so connecting is not counted.
 */
final class JdbcLoad {

    /** Prepares one client's statements on its connection; {@code client} numbers the clients from 0. */
    @FunctionalInterface
    interface Script {
        Work prepare(Connection connection, int client) throws SQLException;
    }

    /** One unit of work (a commit, a transaction), run again and again. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private JdbcLoad() {
    }

    /** Units of work completed per second by {@code clients} loops over {@code duration}. */
    static double perSecond(PostgresServer postgres, String database, int clients, Duration duration, Script script) {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        LongAdder done = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(postgres, database)) {
                    Work work = script.prepare(connection, client);
                    ready.countDown();
                    go.await();
                    while (running.get()) {
                        work.run();
                        done.increment();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "jdbc-load-" + i);
            threads.add(thread);
            thread.start();
        }
        // Bounded: a client that could not connect never counts down, and the run fails instead of hanging.
        Load.await(ready, CONNECT_TIMEOUT, "JDBC clients not connected");
        go.countDown();
        long begin = System.nanoTime();
        Load.sleep(duration);
        running.set(false);
        threads.forEach(Load::join);
        return done.sum() / ((System.nanoTime() - begin) / 1e9);
    }

    static Connection connect(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
