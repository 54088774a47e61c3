package com.networkpin.localinfra.ha;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.localinfra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A replicated PostgreSQL as production runs it, from Debian's packages: one etcd, two Patroni nodes
 * managing PostgreSQL 15 (a primary and a synchronous standby, see {@link PatroniSettings}), and
 * HAProxy giving the one address clients use ({@link #host()}:{@link #port()}), which always leads to
 * the current primary. The superuser's name and password are those of the embedded server, so
 * databases are created and services connect in the same way. Everything runs on free ports under
 * one directory; everything is stopped at JVM exit, and killed (with the postmasters) if the JVM dies
 * otherwise.
 */
public final class PatroniCluster implements PostgresServer {

    private static final String SCOPE = "network-pin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final boolean temporary;
    private final Etcd etcd;
    private final List<PatroniNode> nodes;
    private final PostgresProxy proxy;
    private boolean running;

    /**
     * @param directory kept between runs if given; a fresh temporary one, deleted at JVM exit, if null
     * @param durable   fsync on (the benchmark) or off (tests)
     */
    public PatroniCluster(Path directory, boolean durable) {
        this.temporary = directory == null;
        this.directory = temporary ? temporaryDirectory() : directory;
        this.etcd = new Etcd(this.directory);
        // Unique names: Debian's Patroni 3.0.2 lacks the fix for a split brain between duplicate ones.
        this.nodes = List.of(
                new PatroniNode(SCOPE, "pg-node-1", this.directory.resolve("pg-node-1"), etcd.clientAddress(), durable),
                new PatroniNode(SCOPE, "pg-node-2", this.directory.resolve("pg-node-2"), etcd.clientAddress(), durable));
        this.proxy = new PostgresProxy(this.directory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            if (temporary) {
                delete(this.directory);
            }
        }, "patroni-cluster-stop"));
    }

    /** Whether Debian's patroni, etcd-server, postgresql-15 and haproxy are installed. */
    public static boolean installed() {
        return Stream.of(PatroniNode.PATRONI, Etcd.EXECUTABLE, PatroniNode.POSTGRES_BIN.resolve("postgres"),
                PostgresProxy.EXECUTABLE).allMatch(Files::isExecutable);
    }

    /** etcd, the first node (bootstraps the primary), the second (cloned as its synchronous standby), then the proxy. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!installed()) {
            throw new IllegalStateException("apt-get install patroni etcd-server postgresql-15 haproxy");
        }
        running = true;
        etcd.start();
        nodes.get(0).start();
        awaitCluster(START_TIMEOUT, cluster -> leader(cluster).isPresent());
        nodes.get(1).start();
        awaitSynchronousStandby(START_TIMEOUT);
        proxy.start(nodes);
    }

    /** Standby first, so that stopping the primary starts no failover; then the proxy and etcd. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Optional<String> primary = primaryName();
        nodes.stream().sorted(Comparator.comparing(node -> primary.map(node.name()::equals).orElse(false)))
                .forEach(PatroniNode::stop);
        proxy.stop();
        etcd.stop();
    }

    /** HAProxy's address: the current primary, whichever node it is. */
    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return proxy.port();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    public List<PatroniNode> nodes() {
        return nodes;
    }

    /** The node holding the leader key, as Patroni's REST API says ({@code GET /cluster}); empty during a failover. */
    public Optional<String> primaryName() {
        for (PatroniNode node : nodes) {
            Optional<String> leader = node.cluster().flatMap(PatroniCluster::leader);
            if (leader.isPresent()) {
                return leader;
            }
        }
        return Optional.empty();
    }

    public PatroniNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** The node that is primary now. */
    public PatroniNode primary() {
        return node(primaryName().orElseThrow(() -> new IllegalStateException("the cluster has no primary now")));
    }

    /** Waits until one node leads and the other streams to it as its synchronous standby (e.g. after a failed node is back). */
    public void awaitSynchronousStandby(Duration timeout) {
        awaitCluster(timeout, cluster -> leader(cluster).isPresent() && members(cluster)
                .anyMatch(member -> "sync_standby".equals(member.path("role").asText())
                        && "running".equals(member.path("state").asText())));
    }

    /**
     * {@link #awaitSynchronousStandby}, and if the cluster does not get there in time, every node that
     * does not lead is restarted (a replica stuck after an earlier fault), which is said on standard
     * error with what the nodes saw, and the cluster is waited for once more. For a fault test's start:
     * the test that left the cluster so has its own check that the standby came back.
     */
    public void awaitHealthy(Duration timeout) {
        try {
            awaitSynchronousStandby(timeout);
        } catch (IllegalStateException stuck) {
            Optional<String> leader = primaryName();
            System.err.println(stuck.getMessage() + "\nrestarting every node but the leader (" + leader.orElse("none") + ")");
            nodes.stream().filter(node -> leader.map(name -> !name.equals(node.name())).orElse(true)).forEach(node -> {
                node.stop();
                node.start();
            });
            awaitSynchronousStandby(timeout);
        }
    }

    private void awaitCluster(Duration timeout, java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (PatroniNode node : nodes) {
                if (node.cluster().filter(condition).isPresent()) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the PostgreSQL cluster did not get there within " + timeout
                        + "; " + describe() + "; see the node logs in " + directory);
            }
            Waiting.pause(Duration.ofMillis(200));
        }
    }

    /**
     * Each node as its own Patroni sees the cluster, the last lines its log has that are not routine, and the
     * processes working in its data directory.
     */
    private String describe() {
        StringBuilder description = new StringBuilder();
        for (PatroniNode node : nodes) {
            description.append(node.name()).append(node.running() ? " (Patroni runs)" : " (Patroni stopped)")
                    .append(" sees ").append(node.cluster().map(cluster -> members(cluster)
                            .map(member -> member.path("name").asText() + "=" + member.path("role").asText()
                                    + "/" + member.path("state").asText())
                            .toList().toString()).orElse("nothing (REST API silent)"))
                    .append(", log ends:").append(lastLines(node.log(), 8))
                    .append("\n  processes in its data directory: ").append(node.describeProcesses()).append(";\n");
        }
        return description.toString();
    }

    private static String lastLines(Path log, int count) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> telling = lines.filter(line -> !line.contains("no action.") && !line.contains("Lock owner:"))
                    .toList();
            return "\n  " + String.join("\n  ", telling.subList(Math.max(0, telling.size() - count), telling.size()));
        } catch (IOException | UncheckedIOException e) {
            return " (unreadable: " + e.getMessage() + ")";
        }
    }

    private static Optional<String> leader(JsonNode cluster) {
        return members(cluster).filter(member -> "leader".equals(member.path("role").asText())
                        && "running".equals(member.path("state").asText()))
                .map(member -> member.path("name").asText()).findFirst();
    }

    private static Stream<JsonNode> members(JsonNode cluster) {
        return cluster.path("members").isArray()
                ? java.util.stream.StreamSupport.stream(cluster.path("members").spliterator(), false) : Stream.empty();
    }

    /** Under java.io.tmpdir; readable by the postgres user, which must reach its node's directory. */
    private static Path temporaryDirectory() {
        try {
            Path created = Files.createTempDirectory("patroni");
            created.toFile().setExecutable(true, false);
            created.toFile().setReadable(true, false);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory", e);
        }
    }

    /** Best effort, at JVM exit. */
    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Left for "mvn clean".
        }
    }
}
