package com.networkpin.launcher;

import com.networkpin.testinfra.EmbeddedKafkaServer;
import com.networkpin.testinfra.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./stack up}: a real PostgreSQL and Kafka broker with their data in the state directory,
 * one database per service, the three services, and everything stopped again on Ctrl-C (or by
 * {@code ./stack down}, which sends this process SIGTERM).
 */
public final class Stack {

    static final int POSTGRES_PORT = intEnv("STACK_POSTGRES_PORT", 15432);
    static final int KAFKA_PORT = intEnv("STACK_KAFKA_PORT", 19092);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private Stack() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        Path repository = Path.of(System.getProperty("stack.repository", ".")).toAbsolutePath().normalize();
        Path state = repository.resolve(".state");
        try {
            switch (arguments.isEmpty() ? "" : arguments.get(0)) {
                case "up" -> up(repository, state);
                case "demo" -> new DemoStory(new DemoPrinter(System.out)).run();
                default -> throw new StackException("usage: ./stack up [-d] [--fresh] | demo | down");
            }
        } catch (StackException e) {
            System.err.println("stack: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(Path repository, Path state) {
        checkPortsFree();
        Path logs = state.resolve("logs");
        createDirectories(logs);
        long begin = System.nanoTime();
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(state.resolve("postgres"), POSTGRES_PORT);
        EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(state.resolve("kafka"), 3, KAFKA_PORT);
        step("PostgreSQL", () -> postgres.start(), "localhost:" + POSTGRES_PORT);
        step("Kafka", () -> kafka.start(), kafka.bootstrapServers());
        ServiceFleet fleet = new ServiceFleet(repository, logs, postgres, kafka, "demo");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping services, Kafka and PostgreSQL …");
            fleet.close();
            kafka.stop();
            postgres.stop();
            stopped.countDown();
        }, "stack-stop"));
        System.out.println("… starting pin-service, lock-scheduler and reservation-service");
        Map<StackService, Duration> ready = fleet.startAll(READY_TIMEOUT);
        ready.forEach((service, took) -> System.out.printf("✓ %-20s ready in %4.1f s  %s  (Swagger UI: %s/q/swagger-ui)%n",
                service.moduleName(), took.toMillis() / 1000.0, service.url(), service.url()));
        System.out.printf("%nUp in %.1f s. Logs: %s%nData: %s (./stack up --fresh starts clean)%n"
                        + "Try: ./stack demo     Stop: Ctrl-C (or ./stack down after ./stack up -d)%n",
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
