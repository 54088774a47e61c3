package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The database outage of the fault tests: stopped, the server refuses; started again, it has its data where it was. */
class PostgresRestartTest {

    @Test
    void keepsItsAddressAndItsDataAcrossAStop() throws SQLException {
        PostgresServer postgres = Infrastructure.get().postgres();
        postgres.createDatabase("restart_check");
        String url = postgres.jdbcUrl("restart_check");
        String row = UUID.randomUUID().toString();
        try (Connection connection = connect(postgres, url); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (value text)");
            statement.execute("insert into kept values ('" + row + "')");
        }

        long stopBegin = System.nanoTime();
        postgres.stop();
        System.out.printf("PostgreSQL stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - stopBegin).toMillis());
        try {
            assertThrows(SQLException.class, () -> connect(postgres, url).close(), "nobody answers while it is stopped");
        } finally {
            long startBegin = System.nanoTime();
            postgres.start();
            System.out.printf("PostgreSQL restarted in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - startBegin).toMillis());
        }

        assertEquals(url, postgres.jdbcUrl("restart_check"), "the same address");
        try (Connection connection = connect(postgres, url); Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("select count(*) from kept where value = '" + row + "'")) {
            assertTrue(kept.next());
            assertEquals(1, kept.getInt(1), "the row written before the stop");
        }
    }

    private static Connection connect(PostgresServer postgres, String url) throws SQLException {
        return DriverManager.getConnection(url + "?connectTimeout=3", postgres.username(), postgres.password());
    }
}
