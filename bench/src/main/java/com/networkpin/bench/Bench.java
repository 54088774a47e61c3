package com.networkpin.bench;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.testinfra.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
            Map<StackService, Duration> ready = fleet.startAll(Duration.ofSeconds(180));
            Scenarios scenarios = new Scenarios(options, report, infrastructure.postgres());
            scenarios.startUp(fleet, ready);
            scenarios.verificationThroughput(List.of(8, 32, 64));
            scenarios.verificationLatency();
        }
        return report;
    }
}
