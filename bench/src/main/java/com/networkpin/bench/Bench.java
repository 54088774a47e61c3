package com.networkpin.bench;

import com.networkpin.launcher.PackagedServices;
import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code ./stack bench}: starts a fresh system (real PostgreSQL, Kafka and Keycloak, the three packaged
 * services as processes), measures every figure beside its ceiling, prints a table and writes
 * {@code target/bench-results.json}.
 */
public final class Bench {

    private Bench() {
    }

    /** A scenario that fails still leaves the figures measured before it, printed and written. */
    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(Arrays.asList(args));
        Report report = new Report();
        RuntimeException failure = null;
        try {
            run(options, Path.of(System.getProperty("stack.repository", ".")).toAbsolutePath().normalize(), report);
        } catch (RuntimeException e) {
            failure = e;
        }
        report.print(System.out);
        Path json = Path.of(System.getProperty("bench.output", "target/bench-results.json"));
        report.write(json);
        System.out.println("\nwritten to " + json.toAbsolutePath());
        if (failure != null) {
            failure.printStackTrace();
        }
        // The load generator's event loops would keep the JVM (and the system it started) alive.
        System.exit(failure == null ? 0 : 1);
    }

    static Report run(BenchOptions options, Path repository) {
        Report report = new Report();
        run(options, repository, report);
        return report;
    }

    private static void run(BenchOptions options, Path repository, Report report) {
        report.setting("contracts", options.contracts());
        report.setting("lockedPins", options.lockedPins());
        report.setting("apiLockedPins", options.apiLockedPins());
        report.setting("stepSeconds", options.step().toSeconds());
        // Read by Infrastructure when it creates the embedded PostgreSQL, just below.
        System.setProperty(Infrastructure.POSTGRES_DURABLE, Boolean.toString(options.durable()));
        CompletableFuture<KeycloakServer> keycloak = Infrastructure.keycloakInBackground();
        Infrastructure infrastructure = Infrastructure.get();
        // What the server runs with, asked from it: the label cannot drift from the truth.
        report.setting("postgres", Durability.of(infrastructure.postgres()));
        // A rebuild while the benchmark runs (others build on the same machine) must not pull
        // classes from under a running service.
        Path services = PackagedServices.snapshot(repository, repository.resolve("bench/target/services"),
                List.of(Throughput.FLOOR_MODULE));
        Path logs = repository.resolve("bench/target/service-logs");
        Map<String, String> pinServiceEnvironment = new HashMap<>(randomPinKeys());
        pinServiceEnvironment.put(Throughput.GROUP_COMMIT, "true");
        try (ServiceFleet fleet = new ServiceFleet(services, logs,
                infrastructure.postgres(), infrastructure.kafka(), keycloak.join().issuer(), "demo")) {
            System.out.println("starting the system …");
            for (StackService service : StackService.backends()) {
                awaitFreePort(service, Duration.ofMinutes(5));
            }
            Function<StackService, Map<String, String>> environment = service -> environment(service, pinServiceEnvironment);
            Map<StackService, Duration> ready = fleet.startAll(Duration.ofSeconds(180), environment);
            Scenarios scenarios = new Scenarios(options, report, infrastructure.postgres());
            scenarios.startUp(fleet, ready, environment);
            if (options.seedsContracts()) {
                scenarios.seedContracts();
            }
            if (options.measures("P1")) {
                new Throughput(options, report, infrastructure.postgres(), fleet, pinServiceEnvironment, logs)
                        .measure(List.of(8, 32, Throughput.JUDGED_CLIENTS));
            }
            if (options.measures("P2")) {
                scenarios.verificationLatency();
            }
            if (options.measures("P5")) {
                scenarios.lockLag();
            }
            if (options.measures("P4")) {
                scenarios.bookingStorm();
            }
            if (options.measures("P3")) {
                scenarios.midnightBurst();
            }
            // Last: it restarts the pin-service without admission control for its baseline.
            if (options.measures("P7") || options.measures("P7F")) {
                new AdmissionBench(options, report, fleet, pinServiceEnvironment).measure();
            }
        }
    }

    /**
     * A service's extra environment, at its first start and at a restart. The pin-service gets fresh
     * random keys of its own, as in production (the benchmark never needs to read a PIN back), and the
     * new write path.
     */
    private static Map<String, String> environment(StackService service, Map<String, String> pinServiceEnvironment) {
        Map<String, String> environment = new HashMap<>(profiling(service));
        if (service == StackService.PIN_SERVICE) {
            environment.putAll(pinServiceEnvironment);
        }
        return environment;
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

    /**
     * With {@code -Dbench.jfr=DIR}, each service records a JFR profile, written to DIR when it stops (a
     * service restarted for P6 overwrites its first instance's short profile).
     */
    private static Map<String, String> profiling(StackService service) {
        String directory = System.getProperty("bench.jfr");
        if (directory == null) {
            return Map.of();
        }
        Path file = Path.of(directory).toAbsolutePath().resolve(service.moduleName() + ".jfr");
        try {
            Files.createDirectories(file.getParent()); // else the JVM refuses to start
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    private static Map<String, String> randomPinKeys() {
        return Map.of("NETWORK_PIN_PIN_SECRETS_PEPPERS_DEV_1", randomKey(),
                "NETWORK_PIN_PIN_SECRETS_ENCRYPTION_KEYS_DEV_1", randomKey(),
                "NETWORK_PIN_PIN_SECRETS_ENCRYPTION_KEYS_DEV_2", randomKey());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
