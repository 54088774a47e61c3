package com.networkpin.bench;

import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How durable the benchmark's PostgreSQL is, as the server itself reports it: the label of every figure. */
final class Durability {

    private Durability() {
    }

    /** E.g. "durable (fsync=on, synchronous_commit=on, full_page_writes=on)". */
    static String of(PostgresServer postgres) {
        try (Connection connection = JdbcLoad.connect(postgres, "postgres");
             Statement statement = connection.createStatement()) {
            String fsync = show(statement, "fsync");
            String synchronousCommit = show(statement, "synchronous_commit");
            boolean durable = fsync.equals("on") && !synchronousCommit.equals("off");
            return (durable ? "durable" : "NOT durable") + " (fsync=" + fsync + ", synchronous_commit="
                    + synchronousCommit + ", full_page_writes=" + show(statement, "full_page_writes") + ")";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask PostgreSQL for its settings", e);
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
