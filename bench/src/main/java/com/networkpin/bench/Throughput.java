package com.networkpin.bench;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.FreePort;
import com.networkpin.localinfra.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * P1 and P1c beside their ceilings, all in one run with the same load generator and concurrency: closed-loop
 * verifications (90 % right, 10 % wrong PINs) against the pin-service; C2 and C1 against the floor fixture
 * ({@code bench-floor}, a service JVM built and started like the pin-service, whose endpoints do nothing /
 * one INSERT + COMMIT); C0 by the benchmark's JDBC client: a verification's SQL transaction and a bare
 * INSERT + COMMIT. At 64 clients the CPU of every process is summed over the P1 step (P1c), and the same
 * load runs against a second pin-service with group commit off (the old path) for P1's ratio.
 */
final class Throughput {

    /** The pin-service setting that chooses the write path (the old one when false). */
    static final String GROUP_COMMIT = "NETWORK_PIN_PIN_GROUP_COMMIT_ENABLED";
    /** The concurrency for P1's goal, P1c and the old path. */
    static final int JUDGED_CLIENTS = 64;
    static final String FLOOR_MODULE = "bench-floor";
    private static final Duration READY = Duration.ofSeconds(180);
    /** Contracts C0 verifies; enough that 64 clients rarely wait on one another's row lock. */
    private static final int C0_CONTRACTS = 10_000;

    private final BenchOptions options;
    private final Report report;
    private final PostgresServer postgres;
    private final ServiceFleet fleet;
    private final Map<String, String> pinServiceEnvironment;
    private final Path logs;
    private final PinRequests pins = new PinRequests();

    /** A load's result and the CPU the system and the load generator used meanwhile. */
    private record Measured(Load.Result result, SystemCpu.Usage cpu) {
    }

    /**
     * @param pinServiceEnvironment what the stack's pin-service was started with beyond the fleet's
     *                              environment (its keys): the old-path instance needs the same keys
     */
    Throughput(BenchOptions options, Report report, PostgresServer postgres, ServiceFleet fleet,
               Map<String, String> pinServiceEnvironment, Path logs) {
        this.options = options;
        this.report = report;
        this.postgres = postgres;
        this.fleet = fleet;
        this.pinServiceEnvironment = pinServiceEnvironment;
        this.logs = logs;
    }

    void measure(List<Integer> concurrencies) {
        Ceiling.prepare(postgres);
        ServiceProcess floor = fleet.startFixture(FLOOR_MODULE, Ceiling.DATABASE, FreePort.find(),
                logs.resolve(FLOOR_MODULE + ".log"));
        try {
            floor.awaitReady(READY);
            PinRequests floors = new PinRequests(floor.url());
            IntFunction<JsonRequest> http = i -> floors.floor("/floor/http", randomContract(), Scenarios.randomPin());
            IntFunction<JsonRequest> insert = i -> floors.floor("/floor/insert", randomContract(), Scenarios.randomPin());
            // The service has been warmed by seeding; the floor's fresh JVM gets one step of each first.
            Load.closedLoop(JUDGED_CLIENTS, options.step(), http);
            Load.closedLoop(JUDGED_CLIENTS, options.step(), insert);
            // P1's system leaves the idle floor service out; at C1 and C2 the floor service is the system measured.
            SystemCpu cpu = new SystemCpu(postgres, this::servicePids, () -> Set.of(floor.pid()));
            SystemCpu floorCpu = new SystemCpu(postgres, () -> servicePidsAnd(floor), Set::of);
            VerificationSql c0 = new VerificationSql(postgres, Scenarios.contract(0),
                    Math.min(C0_CONTRACTS, options.contracts()));
            Load.Result judgedP1 = null;
            double judgedC1 = 0;
            for (int clients : concurrencies) {
                boolean judged = clients == JUDGED_CLIENTS;
                Measured c2 = measured(floorCpu, () -> Load.closedLoop(clients, options.step(), http));
                Measured c1 = measured(floorCpu, () -> Load.closedLoop(clients, options.step(), insert));
                double c0Verification = c0.perSecond(clients, options.step());
                double c0Insert = Ceiling.insertCommitsPerSecond(postgres, clients, options.step());
                Measured p1 = measured(cpu, () -> Load.closedLoop(clients, options.step(), this::verification));
                floors(clients, c2, c1, c0Verification, c0Insert);
                if (judged) {
                    judgedP1 = p1.result();
                    judgedC1 = c1.result().perSecond();
                    cpuPerVerification(p1);
                } else {
                    report.add(new Figure("P1", "verifications/s at " + clients + " clients, new path"
                            + errors(p1.result()), p1.result().perSecond(), "/s",
                            c1.result().perSecond(), "C1 at " + clients + " clients", "", true));
                }
            }
            if (judgedP1 != null) {
                oldPathBeside(judgedP1, judgedC1);
            }
        } finally {
            floor.stop();
        }
    }

    private void floors(int clients, Measured c2, Measured c1, double c0Verification, double c0Insert) {
        String at = " at " + clients + " clients";
        report.add(new Figure("C2", "HTTP floor: floor service, no database work" + errors(c2.result()) + at,
                c2.result().perSecond(), "/s", null, null, "", true));
        report.add(new Figure("C1", "stack floor: floor service, one INSERT+COMMIT" + errors(c1.result()) + at,
                c1.result().perSecond(), "/s", null, null, "", true));
        report.add(new Figure("C0", "database floor: a verification's SQL transaction, JDBC" + at,
                c0Verification, "/s", null, null, "", true));
        report.add(new Figure("C0", "database floor: bare INSERT+COMMIT, JDBC" + at,
                c0Insert, "/s", null, null, "", true));
        if (clients == JUDGED_CLIENTS) {
            // What one request costs the load generator and the floor service: is the load generator the bottleneck?
            perRequest("C2", "CPU per request", c2);
            perRequest("C1", "CPU per request", c1);
        }
    }

    /** P1c: CPU of every process of the system over the judged P1 step, per verification completed. */
    private void cpuPerVerification(Measured p1) {
        long completed = Math.max(1, p1.result().completed());
        double system = p1.cpu().system() * 1e6 / completed;
        report.add(new Figure("P1c", "CPU per verification, every process of the system (" + JUDGED_CLIENTS
                + " clients)", system, "µs", null, null, "<= 300 µs", system <= 300));
        p1.cpu().seconds().forEach((role, seconds) -> report.add(new Figure("P1c",
                "  " + role + (SystemCpu.isApart(role) ? " (apart, not in the sum)" : ""),
                seconds * 1e6 / completed, "µs", null, null, "", true)));
    }

    private void perRequest(String id, String what, Measured measured) {
        long completed = Math.max(1, measured.result().completed());
        report.add(new Figure(id, what + ", system (floor service, PostgreSQL, …) at " + JUDGED_CLIENTS + " clients",
                measured.cpu().system() * 1e6 / completed, "µs", null, null, "", true));
        report.add(new Figure(id, "  of which the floor service",
                measured.cpu().seconds().getOrDefault(FLOOR_MODULE, 0.0) * 1e6 / completed, "µs", null, null, "", true));
        report.add(new Figure(id, what + ", load generator at " + JUDGED_CLIENTS + " clients",
                measured.cpu().loadGenerator() * 1e6 / completed, "µs", null, null, "", true));
        report.add(new Figure(id, SystemCpu.EVENT_LOOPS, measured.cpu().eventLoops() * 1e6 / completed, "µs",
                null, null, "", true));
    }

    /**
     * The same load against a second pin-service (same keys, database and broker) started with the
     * old write path, warmed for one step first; stopped again so that it burns no CPU elsewhere.
     */
    private void oldPathBeside(Load.Result newPath, double c1) {
        Map<String, String> environment = new HashMap<>(pinServiceEnvironment);
        environment.put(GROUP_COMMIT, "false");
        ServiceProcess old = fleet.startAnother(StackService.PIN_SERVICE, FreePort.find(),
                logs.resolve("pin-service-old-path.log"), environment);
        Load.Result result;
        try {
            old.awaitReady(READY);
            PinRequests oldPins = new PinRequests(old.url());
            IntFunction<JsonRequest> verification = i -> oldPins.verification(randomContract(), Scenarios.randomPin());
            Load.closedLoop(JUDGED_CLIENTS, options.step(), verification);
            result = Load.closedLoop(JUDGED_CLIENTS, options.step(), verification);
        } finally {
            old.stop();
        }
        double ratio = newPath.perSecond() / Math.max(1e-9, result.perSecond());
        report.add(new Figure("P1", "verifications/s at " + JUDGED_CLIENTS + " clients, old path, " + GROUP_COMMIT
                + "=false" + errors(result), result.perSecond(), "/s", c1,
                "C1 at " + JUDGED_CLIENTS + " clients", "", true));
        report.add(new Figure("P1", "verifications/s at " + JUDGED_CLIENTS + " clients, new path" + errors(newPath),
                newPath.perSecond(), "/s", c1, "C1 at " + JUDGED_CLIENTS + " clients",
                ">= 5x old path and >= 50 % of C1", ratio >= 5 && newPath.perSecond() >= 0.5 * c1
                        && newPath.errors() == 0));
        report.add(new Figure("P1", "new path / old path at " + JUDGED_CLIENTS + " clients", ratio, "x",
                null, null, ">= 5x", ratio >= 5));
    }

    private static Measured measured(SystemCpu cpu, Supplier<Load.Result> load) {
        SystemCpu.Sample before = cpu.sample();
        Load.Result result = load.get();
        return new Measured(result, SystemCpu.between(before, cpu.sample()));
    }

    private Map<String, Long> servicePidsAnd(ServiceProcess floor) {
        Map<String, Long> pids = servicePids();
        pids.put(FLOOR_MODULE, floor.pid());
        return pids;
    }

    private Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (StackService service : StackService.backends()) {
            pids.put(service.moduleName(), fleet.process(service).pid());
        }
        return pids;
    }

    private JsonRequest verification(int ignored) {
        return pins.verification(randomContract(), Scenarios.randomPin());
    }

    private String randomContract() {
        return Scenarios.randomContract(options.contracts());
    }

    private static String errors(Load.Result result) {
        return " (" + result.errors() + " errors)";
    }
}
