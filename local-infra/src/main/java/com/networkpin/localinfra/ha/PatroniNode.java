package com.networkpin.localinfra.ha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.localinfra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One node of the PostgreSQL cluster: Debian's Patroni managing Debian's PostgreSQL 15 in its own
 * directory, on its own ports, under a name no other node has (Debian's Patroni 3.0.2 can split its
 * brain over duplicate names). PostgreSQL refuses to run as root, so as root Patroni runs as the
 * {@code postgres} user the package created.
 */
public final class PatroniNode {

    static final Path PATRONI = Path.of("/usr/bin/patroni");
    static final Path POSTGRES_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String OS_USER = "postgres";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path directory;
    private final int restPort = FreePort.find();
    private final int postgresPort = FreePort.find();
    private ChildProcess patroni;

    PatroniNode(String scope, String name, Path directory, String etcd, boolean durable) {
        this.name = name;
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(directory.resolve("patroni.yml"),
                    PatroniSettings.yaml(scope, name, restPort, postgresPort, etcd, directory, durable));
            if (runsAsRoot()) {
                giveToPostgresUser(directory);
                giveToPostgresUser(directory.resolve("patroni.yml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
    }

    public String name() {
        return name;
    }

    public int postgresPort() {
        return postgresPort;
    }

    int restPort() {
        return restPort;
    }

    /** Starts Patroni, which starts PostgreSQL: a primary, a new replica, or a failed primary rejoining (pg_rewind). */
    public synchronized void start() {
        if (patroni != null && patroni.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER, "--init-groups", "--"));
        }
        command.add(PATRONI.toString());
        command.add(directory.resolve("patroni.yml").toString());
        patroni = ChildProcess.start(command, log(), dataDirectory());
    }

    /** Patroni's and PostgreSQL's output. */
    public Path log() {
        return directory.getParent().resolve(name + ".log");
    }

    /** Whether this node's Patroni process runs (it may run without a PostgreSQL). */
    public synchronized boolean running() {
        return patroni != null && patroni.isAlive();
    }

    /**
     * A clean stop: Patroni shuts PostgreSQL down (fast mode), releasing the leader key if it held it. A
     * PostgreSQL process still working in the data directory afterwards (a postmaster left by a Patroni that
     * was killed alone, or a child that outlived a killed postmaster) is killed and waited for: while one
     * lives, PostgreSQL refuses to start there again ("pre-existing shared memory block is still in use").
     */
    public synchronized void stop() {
        if (patroni != null) {
            patroni.stop(30);
            patroni = null;
        }
        postmaster().ifPresent(ProcessHandle::destroy);
        killLeftovers();
    }

    /**
     * The node's machine dies: Patroni, the postmaster and every PostgreSQL process of the data directory
     * (the postmaster's children, and any child left by an earlier postmaster) are killed with SIGKILL at once.
     */
    public synchronized void kill() {
        List<ProcessHandle> doomed = new ArrayList<>(processes());
        postmaster().ifPresent(handle -> {
            doomed.add(handle);
            handle.descendants().forEach(doomed::add);
        });
        // Every process gets its SIGKILL before any is waited for: no PostgreSQL process outlives its Patroni.
        doomed.forEach(ProcessHandle::destroyForcibly);
        if (patroni != null) {
            patroni.kill();
            patroni = null;
        }
    }

    private void killLeftovers() {
        List<ProcessHandle> leftovers = processes();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (leftovers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Waiting.pause(Duration.ofMillis(50));
        }
    }

    /**
     * The processes working in this node's data directory (their working directory): the postmaster and its
     * children, and children that outlived their postmaster (whose parent is then init).
     */
    List<ProcessHandle> processes() {
        Path data = dataDirectory().toAbsolutePath();
        return ProcessHandle.allProcesses().filter(handle -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", Long.toString(handle.pid()), "cwd")).equals(data);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false; // gone, or not ours to read
            }
        }).toList();
    }

    /** Each process of {@link #processes()}: pid, parent, state, what it waits on in the kernel, and its title. */
    String describeProcesses() {
        List<String> lines = processes().stream().map(handle -> {
            Path proc = Path.of("/proc", Long.toString(handle.pid()));
            return handle.pid() + " parent=" + handle.parent().map(ProcessHandle::pid).orElse(-1L)
                    + " state=" + read(proc.resolve("stat")).map(stat -> stat.substring(stat.lastIndexOf(')') + 2)
                            .split(" ")[0]).orElse("?")
                    + " wchan=" + read(proc.resolve("wchan")).orElse("?")
                    + " " + read(proc.resolve("cmdline")).map(line -> line.replace('\0', ' ').trim()).orElse("?");
        }).toList();
        return lines.isEmpty() ? "none" : "\n    " + String.join("\n    ", lines);
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Only PostgreSQL's postmaster dies (SIGKILL); Patroni lives on and starts it again. */
    public void killPostmaster() {
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new IllegalStateException(name + " runs no PostgreSQL"));
        postmaster.destroyForcibly();
    }

    /** Patroni's own view: "master"/"primary", "replica", ..., empty while its REST API does not answer. */
    public Optional<String> role() {
        return get("/patroni").map(node -> node.path("role").asText());
    }

    /** Whether Patroni's {@code /primary} answers 200, as HAProxy's check asks. */
    public boolean isPrimary() {
        try {
            HttpRequest request = HttpRequest.newBuilder(rest("/primary"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(1)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The cluster as this node's Patroni sees it ({@code GET /cluster}), empty while it does not answer. */
    Optional<JsonNode> cluster() {
        return get("/cluster");
    }

    private Optional<JsonNode> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(rest(path)).timeout(Duration.ofSeconds(1)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private URI rest(String path) {
        return URI.create("http://127.0.0.1:" + restPort + path);
    }

    private Path dataDirectory() {
        return directory.resolve("data");
    }

    /** The running postmaster of this node's data directory, if any. */
    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                    // A file left by a killed postmaster may name a pid since given to another program.
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToPostgresUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(OS_USER));
        GroupPrincipal group = users.lookupPrincipalByGroupName(OS_USER);
        view.setGroup(group);
    }
}
