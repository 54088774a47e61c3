package com.networkpin.bench;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.testinfra.Infrastructure;
import com.networkpin.testinfra.PostgresServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        try (ServiceFleet fleet = new ServiceFleet(repository, repository.resolve("bench/target/service-logs"),
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
     * Starts every service at once, as {@link ServiceFleet#startAll} does, but gives the pin-service
     * keys of its own: a packaged jar runs in production mode, which refuses the published
     * development keys. Fresh random keys per run; the benchmark never needs to read a PIN back.
     */
    private static Map<StackService, Duration> startAll(ServiceFleet fleet, PostgresServer postgres, Duration timeout) {
        for (StackService service : StackService.values()) {
            postgres.createDatabase(service.database());
            fleet.start(service, service == StackService.PIN_SERVICE ? randomPinKeys() : Map.of());
        }
        Map<StackService, CompletableFuture<Duration>> ready = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ready.put(service, CompletableFuture.supplyAsync(() -> fleet.process(service).awaitReady(timeout)));
        }
        Map<StackService, Duration> times = new EnumMap<>(StackService.class);
        ready.forEach((service, future) -> times.put(service, future.join()));
        return times;
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
