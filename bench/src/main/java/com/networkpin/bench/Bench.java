package com.networkpin.bench;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.testinfra.Infrastructure;
import com.networkpin.testinfra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code ./stack bench}: starts a fresh system (real PostgreSQL and Kafka, the three packaged
 * services as processes), measures every figure beside its ceiling, prints a table and writes
 * {@code target/bench-results.json}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(Arrays.asList(args));
        Report report = run(options, Path.of(System.getProperty("stack.repository", ".")).toAbsolutePath().normalize());
        report.print(System.out);
        Path json = Path.of(System.getProperty("bench.output", "target/bench-results.json"));
        report.write(json);
        System.out.println("\nwritten to " + json.toAbsolutePath());
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    static Report run(BenchOptions options, Path repository) {
        Report report = new Report();
        report.setting("contracts", options.contracts());
        report.setting("lockedPins", options.lockedPins());
        report.setting("stepSeconds", options.step().toSeconds());
        Infrastructure infrastructure = Infrastructure.get();
        Path services = snapshotOfServices(repository);
        try (ServiceFleet fleet = new ServiceFleet(services, repository.resolve("bench/target/service-logs"),
                infrastructure.postgres(), infrastructure.kafka(), "demo")) {
            System.out.println("starting the system …");
            Map<StackService, Duration> ready = startAll(fleet, infrastructure.postgres(), Duration.ofSeconds(180));
            Scenarios scenarios = new Scenarios(options, report, infrastructure.postgres());
            scenarios.startUp(fleet, ready);
            scenarios.verificationThroughput(List.of(8, 32, 64));
            scenarios.verificationLatency();
            scenarios.lockLag();
            scenarios.bookingStorm();
            scenarios.midnightBurst();
        }
        return report;
    }

    /**
     * Copies the packaged services to {@code bench/target/services}, so that a build of a module
     * while the benchmark runs (others build on the same machine) cannot pull classes from under a
     * running service. Returns the copy's root, laid out like the repository.
     */
    private static Path snapshotOfServices(Path repository) {
        Path root = repository.resolve("bench/target/services");
        for (StackService service : StackService.values()) {
            Path app = Path.of(service.moduleName(), "target", "quarkus-app");
            copyTree(repository.resolve(app), root.resolve(app));
        }
        return root;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(to.getParent());
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " (build it with ./mvnw -B install -DskipTests)", e);
        }
    }

    /**
     * Starts every service at once, as {@link ServiceFleet#startAll} does, but gives the pin-service
     * keys of its own: a packaged jar runs in production mode, which refuses the published
     * development keys. Fresh random keys per run; the benchmark never needs to read a PIN back.
     */
    private static Map<StackService, Duration> startAll(ServiceFleet fleet, PostgresServer postgres, Duration timeout) {
        for (StackService service : StackService.values()) {
            awaitFreePort(service, Duration.ofMinutes(5));
            postgres.createDatabase(service.database());
            Map<String, String> environment = new HashMap<>(profiling(service));
            if (service == StackService.PIN_SERVICE) {
                environment.putAll(randomPinKeys());
            }
            fleet.start(service, environment);
        }
        Map<StackService, CompletableFuture<Duration>> ready = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ready.put(service, CompletableFuture.supplyAsync(() -> fleet.process(service).awaitReady(timeout)));
        }
        Map<StackService, Duration> times = new EnumMap<>(StackService.class);
        ready.forEach((service, future) -> times.put(service, future.join()));
        return times;
    }

    /**
     * Another system (e.g. end-to-end tests) may hold the port for a while: wait for it rather than
     * measure someone else's service. STACK_&lt;SERVICE&gt;_PORT moves the benchmark elsewhere.
     */
    private static void awaitFreePort(StackService service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // Something that answers on localhost (on any of its addresses) is what the benchmark would reach.
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("localhost", service.port()), 500);
            } catch (IOException free) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port " + service.port() + " of " + service.moduleName()
                        + " is still taken; set STACK_" + service.name() + "_PORT to use another");
            }
            System.out.println("port " + service.port() + " is taken; waiting …");
            Load.sleep(Duration.ofSeconds(5));
        }
    }

    /** With {@code -Dbench.jfr=DIR}, each service records a JFR profile, written to DIR when it stops. */
    private static Map<String, String> profiling(StackService service) {
        String directory = System.getProperty("bench.jfr");
        if (directory == null) {
            return Map.of();
        }
        Path file = Path.of(directory).toAbsolutePath().resolve(service.moduleName() + ".jfr");
        return Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    private static Map<String, String> randomPinKeys() {
        return Map.of("NETWORK_PIN_PIN_SECRETS_PEPPER", randomKey(),
                "NETWORK_PIN_PIN_SECRETS_ENCRYPTION_KEYS_DEV_1", randomKey(),
                "NETWORK_PIN_PIN_SECRETS_ENCRYPTION_KEYS_DEV_2", randomKey());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
