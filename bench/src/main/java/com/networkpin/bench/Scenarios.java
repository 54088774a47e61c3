package com.networkpin.bench;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.PostgresServer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/** The figures P2–P6, each measured against the running system; P1 with its ceilings is {@link Throughput}. */
final class Scenarios {

    static final String PIN = "2580";
    static final String WRONG_PIN = "1357";
    /** Tells this run's contracts from another run's. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    /** How long after ready a started service's resident memory is read (P6). */
    private static final Duration SETTLE = Duration.ofSeconds(6);
    /** P3's contracts: its own, so that P1's verifications leave them alone. */
    private static final String MIDNIGHT = "P3-";

    private final BenchOptions options;
    private final Report report;
    private final PostgresServer postgres;
    private final PinRequests pins = new PinRequests();

    Scenarios(BenchOptions options, Report report, PostgresServer postgres) {
        this.options = options;
        this.report = report;
        this.postgres = postgres;
    }

    /**
     * P6: time from process start to ready, and resident memory. First as the three services were
     * started: all at once, on the same two cores (contention more than start-up), memory once ready.
     * Then each alone, restarted in turn while the other two run and nothing else starts: the goal is
     * judged on that, with memory once the start has settled (HotSpot frees the JIT's arenas every
     * 5 s, and -XX:TrimNativeHeapInterval gives them back), and the CPU time the start cost, which
     * depends less than the time on what else the machine runs.
     */
    void startUp(ServiceFleet fleet, Map<StackService, Duration> ready,
                 Function<StackService, Map<String, String>> environment) {
        ready.forEach((service, took) -> {
            long pid = fleet.process(service).pid();
            report.add(new Figure("P6", service.moduleName() + ": time to ready, all three started at once",
                    took.toMillis() / 1000.0, "s", null, null, "", true));
            report.add(new Figure("P6", service.moduleName() + ": resident memory once ready, all three started at once",
                    ProcessMemory.residentBytes(pid) / 1e6, "MB", null, null, "", true));
        });
        for (StackService service : StackService.backends()) {
            Duration took = fleet.restart(service, Duration.ofSeconds(180), environment.apply(service));
            long pid = fleet.process(service).pid();
            double seconds = took.toMillis() / 1000.0;
            report.add(new Figure("P6", service.moduleName() + ": time to ready, started alone (the others up)",
                    seconds, "s", null, null, "< 3 s", seconds < 3));
            report.add(new Figure("P6", service.moduleName() + ": CPU time until ready, started alone",
                    SystemCpu.seconds(pid), "s", null, null, "", true));
            Load.sleep(SETTLE);
            double megabytes = ProcessMemory.residentBytes(pid) / 1e6;
            report.add(new Figure("P6", service.moduleName() + ": resident memory " + SETTLE.toSeconds()
                    + " s after ready, started alone", megabytes, "MB", null, null, "< 250 MB", megabytes < 250));
        }
    }

    /** P2: latency at a fixed arrival rate (open loop). */
    void verificationLatency() {
        Load.Result result = Load.openLoop(options.openLoopRate(), options.step(), this::randomVerification);
        Histogram latencies = result.latencies();
        double p99 = millis(latencies, 99);
        report.add(new Figure("P2", "p50 at " + options.openLoopRate() + "/s", millis(latencies, 50),
                "ms", null, null, "", true));
        report.add(new Figure("P2", "p99 at " + options.openLoopRate() + "/s (" + result.errors() + " errors)", p99,
                "ms", null, null, "< 25 ms", p99 < 25 && result.errors() == 0));
        report.add(new Figure("P2", "p99.9 at " + options.openLoopRate() + "/s", millis(latencies, 99.9),
                "ms", null, null, "", true));
    }

    /** P5: lag from Locked appended to shown by the reservation-service, while P2's load runs again. */
    void lockLag() {
        List<String> contracts = IntStream.range(0, options.lagContracts())
                .mapToObj(i -> String.format("LAG-%s-%05d", RUN, i)).toList();
        Load.closedLoopCount(8, contracts.size(), i -> pins.set(contracts.get(i), PIN));
        CompletableFuture<Load.Result> load = CompletableFuture.supplyAsync(
                () -> Load.openLoop(options.openLoopRate(), options.step(), this::randomVerification));
        Histogram lag;
        try (ServiceDatabase reservations = new ServiceDatabase(postgres, StackService.RESERVATION_SERVICE)) {
            lag = new LockLag(pins, reservations, contracts).measure(options.step(), Duration.ofSeconds(30));
        }
        Load.Result background = load.join();
        double p99 = millis(lag, 99);
        report.add(new Figure("P5", "lag Locked -> reservation projection, p50", millis(lag, 50), "ms",
                null, null, "", true));
        report.add(new Figure("P5", "lag, p99 (" + lag.getTotalCount() + " locks, under "
                + options.openLoopRate() + "/s, p99 " + Math.round(millis(background.latencies(), 99)) + " ms)",
                p99, "ms", null, null, "< 200 ms", p99 < 200));
    }

    /** P4: bookings of one slot with three counters, all sent at once, after one storm to warm up. */
    void bookingStorm() {
        BookingStorm storm = new BookingStorm().openShop();
        storm.storm(options.bookings(), LocalTime.of(9, 0));
        BookingStorm.Result result = storm.storm(options.bookings(), LocalTime.of(10, 0));
        int refusals = options.bookings() - BookingStorm.COUNTERS;
        boolean exact = result.booked() == BookingStorm.COUNTERS && result.refused() == refusals;
        double p99 = millis(result.latencies(), 99);
        report.add(new Figure("P4", String.format("%,d bookings of 1 slot with %d counters: booked",
                options.bookings(), BookingStorm.COUNTERS), result.booked(), "", null, null,
                "exactly " + BookingStorm.COUNTERS, result.booked() == BookingStorm.COUNTERS));
        report.add(new Figure("P4", "refused 409 problem+json (other answers: " + result.other() + ")",
                result.refused(), "", null, null, "exactly " + refusals, result.refused() == refusals));
        report.add(new Figure("P4", "booking p50", millis(result.latencies(), 50), "ms", null, null, "", true));
        report.add(new Figure("P4", "booking p99", p99, "ms", null, null, "< 100 ms", p99 < 100 && exact));
    }

    /**
     * P3: N locked PINs, then midnight; time until every service shows them lifted. The first
     * {@code apiLockedPins} are set and locked through the pin-service's REST API, the others are SQL copies
     * of the first ({@link ContractCopies}), published and projected as it was; the last copy is checked
     * against it once both projections show every lock.
     */
    void midnightBurst() {
        int n = options.lockedPins();
        int api = Math.min(n, options.apiLockedPins());
        IntFunction<String> contract = i -> ContractCopies.id(MIDNIGHT, i);
        long began = System.nanoTime();
        System.out.printf("setting and locking %,d PINs through the API (3 wrong PINs each) …%n", api);
        Load.closedLoopCount(64, api, i -> pins.set(contract.apply(i), PIN));
        try (MidnightBurst burst = new MidnightBurst(postgres)) {
            burst.lockThroughApi(api, contract, 64);
            double throughApi = secondsSince(began);
            ContractCopies copies = new ContractCopies(postgres, contract.apply(0));
            System.out.printf("copying %s by SQL %,d times …%n", contract.apply(0), n - api);
            copies.copy(MIDNIGHT, api, n);
            double bySql = secondsSince(began) - throughApi;
            long locked = burst.awaitProjected(Duration.ofMinutes(30));
            double seeding = secondsSince(began);
            if (n > api) {
                burst.checkCopy(copies, contract.apply(n - 1), contract.apply(api - 1));
            }
            System.out.printf("%,d PINs locked and projected in %.0f s%n", locked, seeding);
            report.add(new Figure("P3", String.format("seeding: %,d PINs set and locked through the API", api),
                    throughApi, "s", null, null, "", true));
            report.add(new Figure("P3", String.format("seeding: %,d SQL copies of the first", n - api), bySql, "s",
                    null, null, "", true));
            report.add(new Figure("P3", "seeding: then until both projections show every lock",
                    seeding - throughApi - bySql, "s", null, null, "", true));
            MidnightBurst.Result result = burst.midnight(Duration.ofMinutes(10));
            result.seconds().forEach((service, seconds) -> report.add(new Figure("P3",
                    String.format("%,d locks lifted: %s", locked, service.moduleName()), seconds, "s", null, null,
                    "", true)));
            double slowest = result.seconds().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double perSecond = locked / slowest;
            report.add(new Figure("P3", "locks lifted everywhere, per second", perSecond, "/s",
                    null, null, ">= 16,667/s (1 M in 60 s)", perSecond >= 1_000_000 / 60.0));
        }
    }

    private static double secondsSince(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    /** The contracts P1 and P2 verify, each with its PIN set through the API. */
    void seedContracts() {
        System.out.printf("setting %,d PINs …%n", options.contracts());
        Load.Result seeded = Load.closedLoopCount(64, options.contracts(), i -> pins.set(contract(i), PIN));
        System.out.printf("set %,d PINs at %,.0f/s%n", seeded.completed(), seeded.perSecond());
    }

    private JsonRequest randomVerification(int ignored) {
        return pins.verification(randomContract(options.contracts()), randomPin());
    }

    /** 90 % right, 10 % wrong: the verifications' mix. */
    static String randomPin() {
        return ThreadLocalRandom.current().nextInt(10) == 0 ? WRONG_PIN : PIN;
    }

    private static double millis(Histogram latencies, double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One of the first {@code contracts} seeded contracts, at random. */
    static String randomContract(int contracts) {
        return contract(ThreadLocalRandom.current().nextInt(contracts));
    }

    static String contract(int i) {
        return String.format("BENCH-%07d", i);
    }
}
