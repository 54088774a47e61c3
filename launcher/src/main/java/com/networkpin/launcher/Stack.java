package com.networkpin.launcher;

import com.networkpin.localinfra.DemoOtp;
import com.networkpin.localinfra.EmbeddedKafkaServer;
import com.networkpin.localinfra.EmbeddedPostgresServer;
import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.localinfra.KafkaCluster;
import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.PostgresServer;
import com.networkpin.localinfra.ha.PatroniCluster;
import com.networkpin.localinfra.KeycloakServer;
import com.networkpin.localinfra.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./stack up}: a real PostgreSQL and Kafka broker with their data in the state directory (with
 * {@code --ha} the production topology instead, started fresh each time: three Kafka nodes and a PostgreSQL
 * replicated by Patroni behind HAProxy),
 * Keycloak with the network-pin realm, one database per service, the three services, the web console, and everything
 * stopped again on Ctrl-C (or by {@code ./stack down}, which sends this process SIGTERM).
 * {@code ./stack token ROLE} prints a bearer token of the running stack's realm; {@code ./stack otp USER} the
 * one-time code a demo staff member (agent1, staff1, staff2, operator1) enters after the password right now.
 */
public final class Stack {

    static final int POSTGRES_PORT = intEnv("STACK_POSTGRES_PORT", 15432);
    static final int KAFKA_PORT = intEnv("STACK_KAFKA_PORT", 19092);
    static final int KEYCLOAK_PORT = intEnv("STACK_KEYCLOAK_PORT", 18080);
    static final String KEYCLOAK_URL = "http://localhost:" + KEYCLOAK_PORT;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Held: a logger nobody references may be collected, and its level with it. */
    private static final java.util.logging.Logger KAFKA_CLIENTS = java.util.logging.Logger.getLogger("org.apache.kafka");

    private Stack() {
    }

    public static void main(String[] args) {
        // Before any second thread: two threads setting up the log manager at once can deadlock.
        java.util.logging.LogManager.getLogManager();
        // The admin clients that create topics and read their leaders would print their whole configuration.
        KAFKA_CLIENTS.setLevel(java.util.logging.Level.WARNING);
        List<String> arguments = Arrays.asList(args);
        Path repository = Path.of(System.getProperty("stack.repository", ".")).toAbsolutePath().normalize();
        Path state = repository.resolve(".state");
        try {
            switch (arguments.isEmpty() ? "" : arguments.get(0)) {
                case "up" -> up(repository, state, arguments.contains("--ha"));
                case "demo" -> new DemoStory(new DemoPrinter(System.out), new Actors(new KeycloakTokens(KEYCLOAK_URL))).run();
                case "token" -> System.out.println(TokenCommand.token(new KeycloakTokens(KEYCLOAK_URL),
                        arguments.subList(1, arguments.size())));
                case "otp" -> System.out.println(oneTimeCode(arguments.subList(1, arguments.size()), Clock.systemUTC()));
                case "status" -> {
                    new StatusCommand().print(System.out);
                    Topology.print(state, System.out);
                }
                default -> throw new StackException("usage: ./stack up [-d] [--fresh] [--ha] | demo | token ROLE | otp USER"
                        + " | status | down");
            }
        } catch (StackException e) {
            System.err.println("stack: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The current one-time code of a demo staff member, from the development realm's secret (valid for one login). */
    private static String oneTimeCode(List<String> arguments, Clock clock) {
        if (arguments.size() != 1) {
            throw new StackException("usage: ./stack otp agent1 | staff1 | staff2 | operator1");
        }
        try {
            return DemoOtp.code(arguments.get(0), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new StackException(e.getMessage());
        }
    }

    private static void up(Path repository, Path state, boolean ha) {
        checkPortsFree();
        Path logs = state.resolve("logs");
        createDirectories(logs);
        long begin = System.nanoTime();
        if (ha && !PatroniCluster.installed()) {
            throw new StackException("--ha needs Debian's patroni, etcd-server, postgresql-15 and haproxy:"
                    + " apt-get install patroni etcd-server postgresql-15 haproxy");
        }
        // The replicated topology starts fresh on free ports (durable: fsync on, as production runs).
        PostgresServer postgres = ha ? new PatroniCluster(null, true)
                : new EmbeddedPostgresServer(state.resolve("postgres"), POSTGRES_PORT);
        KafkaServer kafka = ha ? KafkaCluster.temporary(3) : new EmbeddedKafkaServer(state.resolve("kafka"), 3, KAFKA_PORT);
        KeycloakServer keycloak = new KeycloakServer(state.resolve("keycloak"), KEYCLOAK_PORT);
        // Keycloak takes longest (about a minute on its very first start): it starts meanwhile.
        System.out.println("… starting Keycloak (log: " + state.resolve("keycloak/keycloak.log") + ")");
        long keycloakBegin = System.nanoTime();
        CompletableFuture<Void> identity = CompletableFuture.runAsync(keycloak::start,
                task -> new Thread(task, "start-keycloak").start());
        step(ha ? "PostgreSQL (Patroni)" : "PostgreSQL", () -> postgres.start(), "localhost:" + postgres.port()
                + (ha ? "  (HAProxy to the primary of two Patroni nodes, a synchronous standby)" : ""));
        step(ha ? "Kafka (3 nodes)" : "Kafka", () -> kafka.start(), kafka.bootstrapServers() + "  (SASL/SCRAM-SHA-512, the ACLs of "
                + "identity/kafka-access.tsv; development passwords " + KafkaAccess.devPassword("<principal>") + ")");
        Topology.write(state, postgres, kafka);
        ServiceFleet fleet = new ServiceFleet(repository, logs, postgres, kafka, keycloak.issuer(), "demo");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping services, Keycloak, Kafka and PostgreSQL …");
            fleet.close();
            keycloak.stop();
            kafka.stop();
            postgres.stop();
            stopped.countDown();
        }, "stack-stop"));
        try {
            identity.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new StackException("Keycloak did not start: " + e.getCause().getMessage());
        }
        System.out.printf("✓ %-20s ready in %4.1f s  %s  (issuer %s; admin console %s/admin, %s / %s)%n", "Keycloak",
                (System.nanoTime() - keycloakBegin) / 1e9, keycloak.url(), keycloak.issuer(), keycloak.url(),
                KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
        System.out.println("… starting pin-service, lock-scheduler and reservation-service");
        Map<StackService, Duration> ready = fleet.startAll(READY_TIMEOUT);
        ready.forEach((service, took) -> System.out.printf("✓ %-20s ready in %4.1f s  %s  (Swagger UI: %s/q/swagger-ui)%n",
                service.moduleName(), took.toMillis() / 1000.0, service.url(), service.url()));
        Duration console = fleet.startConsole(READY_TIMEOUT);
        System.out.printf("✓ %-20s ready in %4.1f s  %s  (log in as customer1, staff1, agent1 or operator1, password %s;"
                        + " staff, agents and operators then enter the code of ./stack otp <user>)%n",
                StackService.WEB_CONSOLE.moduleName(), console.toMillis() / 1000.0, StackService.WEB_CONSOLE.url(),
                KeycloakTokens.DEMO_PASSWORD);
        System.out.printf("%nUp in %.1f s. Logs: %s%nData: %s (./stack up --fresh starts clean)%n"
                        + "Try: ./stack demo     A token: ./stack token operator     Stop: Ctrl-C (or ./stack down after ./stack up -d)%n",
                (System.nanoTime() - begin) / 1e9, logs, state);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void step(String what, Runnable start, String where) {
        System.out.printf("… starting %s%n", what);
        long begin = System.nanoTime();
        start.run();
        System.out.printf("✓ %-20s ready in %4.1f s  %s%n", what, (System.nanoTime() - begin) / 1e9, where);
    }

    private static void checkPortsFree() {
        check(POSTGRES_PORT, "PostgreSQL", "STACK_POSTGRES_PORT");
        check(KAFKA_PORT, "Kafka", "STACK_KAFKA_PORT");
        check(KEYCLOAK_PORT, "Keycloak", "STACK_KEYCLOAK_PORT");
        for (StackService service : StackService.values()) {
            check(service.port(), service.moduleName(), "STACK_" + service.name() + "_PORT");
        }
    }

    private static void check(int port, String who, String variable) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StackException("port " + port + " (" + who + ") is taken: stop what uses it, "
                    + "or choose another with " + variable + "=<port>");
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
