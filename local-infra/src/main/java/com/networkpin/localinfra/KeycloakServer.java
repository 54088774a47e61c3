package com.networkpin.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak, the project's OpenID Connect provider, run from its Maven Central distribution
 * as a child process, with the realm of {@code identity/network-pin-realm.json} imported at start.
 *
 * <p>The distribution is unpacked once under {@code ~/.cache/network-pin} (outside target/, so a
 * clean build neither unzips it again nor loses the server's one-time build of itself, ≈30 s).
 * Every instance uses the same home and an in-memory database: the realm file is the whole state,
 * so several instances (tests of two modules, a local stack, other checkouts) can run side by side. Each imports
 * the realm from a directory of its own, so an instance never imports the realm file another checkout wrote.
 */
public final class KeycloakServer {

    public static final String REALM = "network-pin";
    /** The master realm's administrator, for tests and the local stack only. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "dev-admin-password";

    private static final String RESOURCES = "com/networkpin/localinfra/keycloak/";
    private static final String REALM_FILE = "network-pin-realm.json";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final long GRACEFUL_STOP_SECONDS = 20;

    /** Free ports are only free when looked at: a dynamic port taken before Keycloak binds it is chosen again. */
    private static final int BIND_ATTEMPTS = 3;

    /** Its log and its realm to import. */
    private final Path logDirectory;
    private final boolean fixedPort;
    private int port;
    private int managementPort = FreePort.find();
    private Process server;

    /**
     * @param logDirectory where keycloak.log and the realm to import ({@code import/}) go
     * @param port         a fixed port for a long-running local server; 0 for any free one
     */
    public KeycloakServer(Path logDirectory, int port) {
        this.logDirectory = logDirectory;
        this.fixedPort = port != 0;
        this.port = fixedPort ? port : FreePort.find();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-stop"));
    }

    /** The issuer of the project's realm: what tokens carry as {@code iss} and services verify. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(logDirectory);
                long logged = Files.exists(logFile().toPath()) ? Files.size(logFile().toPath()) : 0;
                server = launch(Installation.prepare(), writeRealm());
                try {
                    awaitReady();
                    return;
                } catch (RuntimeException e) {
                    stop();
                    if (attempt >= BIND_ATTEMPTS || !portTaken(logged)) {
                        throw e;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start Keycloak", e);
            }
            managementPort = FreePort.find();
            if (!fixedPort) {
                port = FreePort.find();
            }
        }
    }

    /** Whether this start's part of the log (after {@code offset}) says a port was taken. */
    private boolean portTaken(long offset) throws IOException {
        byte[] log = Files.readAllBytes(logFile().toPath());
        return new String(log, (int) Math.min(offset, log.length), (int) Math.max(0, log.length - offset),
                java.nio.charset.StandardCharsets.UTF_8).contains("Port already bound");
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            List<ProcessHandle> tree = new ArrayList<>(server.descendants().toList());
            server.destroy();
            tree.forEach(ProcessHandle::destroy);
            if (!server.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            server = null;
        }
    }

    /** The realm file into this instance's own import directory. */
    private Path writeRealm() throws IOException {
        Path directory = logDirectory.resolve("import");
        Files.createDirectories(directory);
        try (InputStream realm = realmFile()) {
            Files.copy(realm, directory.resolve(REALM_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        return directory;
    }

    /** The development realm, identity/network-pin-realm.json, as this module packs it. */
    static InputStream realmFile() {
        return Installation.resource(REALM_FILE);
    }

    private Process launch(Path home, Path importDirectory) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev"));
        command.addAll(Installation.BUILD_OPTIONS);
        command.addAll(List.of(
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        // C1 only: the server starts sooner and the tests never run it long enough to profit from C2.
        // keycloak.migration.dir is what --import-realm sets to the shared home's data/import: the realms of that
        // directory are imported at start (existing ones kept, ${...} placeholders filled from the environment).
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + logDirectory
                + " -Dkeycloak.migration.dir=" + importDirectory.toAbsolutePath());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder.start();
    }

    private File logFile() {
        return logDirectory.resolve("keycloak.log").toFile();
    }

    /** Ready once the realm's discovery document answers: the import is done by then. */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Keycloak exited at start-up; see " + logFile());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Port not open yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak was not ready in " + READY_TIMEOUT + "; see " + logFile());
            }
            sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    /** The unpacked distribution shared by every instance of this machine. */
    static final class Installation {

        /**
         * Build-time options: the same on every start, or Keycloak rebuilds itself (≈30 s) and two
         * instances starting at once would rebuild the same files.
         */
        static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");

        private static final Path ROOT = Path.of(System.getProperty("user.home"), ".cache/network-pin/keycloak");

        private Installation() {
        }

        /** Unpacks the distribution if needed, under a file lock: another JVM may be doing the same. */
        static synchronized Path prepare() throws IOException {
            Properties distribution = new Properties();
            try (InputStream in = resource("distribution.properties")) {
                distribution.load(in);
            }
            Path home = ROOT.resolve("keycloak-" + distribution.getProperty("version"));
            Files.createDirectories(ROOT);
            try (FileChannel lockFile = FileChannel.open(ROOT.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (!Files.exists(home.resolve("bin/kc.sh"))) {
                    unzip(Path.of(distribution.getProperty("zip")), ROOT, home);
                }
            }
            return home;
        }

        /** Into a temporary directory first, so that an interrupted unzip never looks complete. */
        private static void unzip(Path zip, Path root, Path home) throws IOException {
            if (!Files.exists(zip)) {
                throw new IllegalStateException("The Keycloak distribution " + zip
                        + " is missing: build test-infra with Maven first (it downloads it)");
            }
            Path staging = Files.createTempDirectory(root, "unpack");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("Zip entry outside the target directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // The zip holds one top-level directory, keycloak-<version>.
            try (var top = Files.list(staging)) {
                Path unpacked = top.findFirst().orElseThrow(() -> new IOException("Empty distribution " + zip));
                unpacked.resolve("bin/kc.sh").toFile().setExecutable(true);
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            }
            TemporaryDirectory.delete(staging);
        }

        static InputStream resource(String name) {
            InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(RESOURCES + name);
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " not found in test-infra");
            }
            return in;
        }
    }
}
