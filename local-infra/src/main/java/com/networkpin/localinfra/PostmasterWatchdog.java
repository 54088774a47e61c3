package com.networkpin.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Shutdown hooks do not run when the JVM is killed, and pg_ctl has detached the postmaster from
 * us. This small shell process waits for EOF on its stdin, which comes when our JVM is gone
 * however it died, then asks the postmaster to shut down.
 */
final class PostmasterWatchdog {

    /** Builtins only while waiting, so that dismissing it leaves no child process behind. */
    private static final String SCRIPT = "while read -r ignored; do :; done; "
            + "pid=$(head -n 1 \"$0/postmaster.pid\" 2>/dev/null) && kill -INT \"$pid\" 2>/dev/null";

    private final Process watchdog;

    private PostmasterWatchdog(Process watchdog) {
        this.watchdog = watchdog;
    }

    static PostmasterWatchdog watch(DataSource postgres) {
        try {
            return new PostmasterWatchdog(new ProcessBuilder("sh", "-c", SCRIPT, dataDirectory(postgres))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the PostgreSQL watchdog", e);
        }
    }

    /** Once PostgreSQL was stopped the normal way. */
    void dismiss() {
        watchdog.destroy();
    }

    private static String dataDirectory(DataSource postgres) {
        try (Connection connection = postgres.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask PostgreSQL for its data directory", e);
        }
    }
}
