package com.networkpin.bench;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.testinfra.PostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/** The figures P1–P6, each measured against the running system. */
final class Scenarios {

    static final String PIN = "2580";
    static final String WRONG_PIN = "1357";
    private static final String PIN_URL = StackService.PIN_SERVICE.url();

    private final BenchOptions options;
    private final Report report;
    private final PostgresServer postgres;

    Scenarios(BenchOptions options, Report report, PostgresServer postgres) {
        this.options = options;
        this.report = report;
        this.postgres = postgres;
    }

    /** P6: time from process start to ready, and resident memory once ready. */
    void startUp(ServiceFleet fleet, Map<StackService, Duration> ready) {
        ready.forEach((service, took) -> {
            double seconds = took.toMillis() / 1000.0;
            report.add(new Figure("P6", service.moduleName() + ": time to ready", seconds, "s", null, null,
                    "< 3 s", seconds < 3));
            double megabytes = ProcessMemory.residentBytes(fleet.process(service).pid()) / 1e6;
            report.add(new Figure("P6", service.moduleName() + ": resident memory after start", megabytes, "MB",
                    null, null, "< 250 MB", megabytes < 250));
        });
    }

    /** P1: closed-loop verifications, 90 % right and 10 % wrong, beside single-row INSERT + COMMIT. */
    void verificationThroughput(List<Integer> concurrencies) {
        seedContracts();
        for (int clients : concurrencies) {
            Load.Result result = Load.closedLoop(clients, options.step(), i -> verification(randomContract()));
            double ceiling = Ceiling.insertCommitsPerSecond(postgres, clients, options.step());
            double ratio = result.perSecond() / ceiling;
            report.add(new Figure("P1", "verifications/s at " + clients + " clients (" + result.errors() + " errors)",
                    result.perSecond(), "/s", ceiling, "INSERT+COMMIT/s, same PG, " + clients + " clients",
                    ">= 60 % of ceiling", ratio >= 0.6 && result.errors() == 0));
        }
    }

    /** P2: latency at a fixed arrival rate (open loop). */
    void verificationLatency() {
        Load.Result result = Load.openLoop(options.openLoopRate(), options.step(), i -> verification(randomContract()));
        Histogram latencies = result.latencies();
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        report.add(new Figure("P2", "p50 at " + options.openLoopRate() + "/s", latencies.getValueAtPercentile(50) / 1000.0,
                "ms", null, null, "", true));
        report.add(new Figure("P2", "p99 at " + options.openLoopRate() + "/s (" + result.errors() + " errors)", p99,
                "ms", null, null, "< 25 ms", p99 < 25 && result.errors() == 0));
        report.add(new Figure("P2", "p99.9 at " + options.openLoopRate() + "/s",
                latencies.getValueAtPercentile(99.9) / 1000.0, "ms", null, null, "", true));
    }

    private void seedContracts() {
        System.out.printf("setting %,d PINs …%n", options.contracts());
        Load.Result seeded = Load.closedLoopCount(64, options.contracts(),
                i -> HttpRequest.newBuilder(URI.create(PIN_URL + "/contracts/" + contract(i) + "/pin"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + PIN + "\"}"))
                        .build());
        System.out.printf("set %,d PINs at %,.0f/s%n", seeded.completed(), seeded.perSecond());
    }

    private HttpRequest verification(String contract) {
        String pin = ThreadLocalRandom.current().nextInt(10) == 0 ? WRONG_PIN : PIN;
        return HttpRequest.newBuilder(URI.create(PIN_URL + "/contracts/" + contract + "/pin/verifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\",\"channel\":\"MY_DOCOMO\"}"))
                .build();
    }

    private String randomContract() {
        return contract(ThreadLocalRandom.current().nextInt(options.contracts()));
    }

    static String contract(int i) {
        return String.format("BENCH-%07d", i);
    }
}
