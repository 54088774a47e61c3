package com.networkpin.bench;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * P7 and P7f: verifications past capacity, with the pin-service's admission control and, in the same run,
 * without it (the baseline: {@code network-pin.pin.group-commit.admission.enabled=false}, the lanes queue
 * without bound or deadline, as before admission control). The capacity is measured first: a closed loop of
 * {@value Throughput#JUDGED_CLIENTS} clients for one step, as P1's.
 *
 * <ul>
 *   <li>P7: an open loop at 2× that capacity for {@link #BURST} (the gateway gives up after {@link #GATEWAY_TIMEOUT});
 *       right after it P2's open loop, whose per-second p99 must be back under 25 ms within 5 s;</li>
 *   <li>P7f: one gateway ({@code channel-gateway}) at 10× its share — a share being a fifth of the capacity, as
 *       among five gateways, so 2× the capacity — and another ({@code billing-gateway}) at 200/s at the same
 *       time: the second's p99 must stay under 50 ms.</li>
 * </ul>
 */
final class AdmissionBench {

    static final String ADMISSION = "NETWORK_PIN_PIN_GROUP_COMMIT_ADMISSION_ENABLED";
    private static final Duration BURST = Duration.ofSeconds(30);
    private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(2);
    private static final int LIGHT_RATE = 200;

    private final BenchOptions options;
    private final Report report;
    private final ServiceFleet fleet;
    private final Map<String, String> pinServiceEnvironment;
    private final PinRequests pins = new PinRequests();
    private final Actor heavy = Principals.actors().channel();
    private final Actor light = new Actor("channel", "billing-gateway", () -> Infrastructure.tokens().client("billing-gateway"));

    AdmissionBench(BenchOptions options, Report report, ServiceFleet fleet, Map<String, String> pinServiceEnvironment) {
        this.options = options;
        this.report = report;
        this.fleet = fleet;
        this.pinServiceEnvironment = pinServiceEnvironment;
    }

    void measure() {
        Duration burst = options.smoke() ? options.step() : BURST;
        Load.Result closed = Load.closedLoop(Throughput.JUDGED_CLIENTS, options.step(), this::verification);
        int capacity = (int) Math.max(100, closed.perSecond());
        report.add(new Figure("P7", "capacity: verifications/s, " + Throughput.JUDGED_CLIENTS + " clients (closed loop)",
                closed.perSecond(), "/s", null, null, "", true));
        run("admission on", 2 * capacity, burst);
        Map<String, String> off = new HashMap<>(pinServiceEnvironment);
        off.put(ADMISSION, "false");
        fleet.restart(StackService.PIN_SERVICE, Duration.ofSeconds(180), off);
        try {
            run("baseline, admission off", 2 * capacity, burst);
        } finally {
            fleet.restart(StackService.PIN_SERVICE, Duration.ofSeconds(180), pinServiceEnvironment);
        }
    }

    private void run(String mode, int rate, Duration burst) {
        boolean judged = mode.startsWith("admission on");
        // P7: the burst, and P2's load started as its last request is sent.
        CompletableFuture<OpenLoop.Outcome> overload = CompletableFuture.supplyAsync(
                () -> OpenLoop.run(rate, burst, GATEWAY_TIMEOUT, this::verification));
        Load.sleep(burst);
        OpenLoop.Outcome after = OpenLoop.run(options.openLoopRate(), options.step(), GATEWAY_TIMEOUT, this::verification);
        OpenLoop.Outcome outcome = overload.join();
        double acceptedP99 = millis(outcome.accepted(), 99);
        double refusedMax = millis(outcome.refused(), 100);
        report.add(new Figure("P7", mode + ": at " + rate + "/s for " + burst.toSeconds() + " s, accepted "
                + outcome.accepted().getTotalCount() + " of " + outcome.sent() + ", answers " + outcome.statuses()
                + ", p99", acceptedP99, "ms", null, null, judged ? "< 100 ms" : "", !judged || acceptedP99 < 100));
        report.add(new Figure("P7", mode + ": refused " + outcome.refused().getTotalCount() + " (without Retry-After "
                + outcome.refusedWithoutRetryAfter() + "), slowest refusal", refusedMax, "ms", null, null,
                judged ? "< 20 ms, all with Retry-After" : "",
                !judged || refusedMax < 20 && outcome.refusedWithoutRetryAfter() == 0));
        report.add(new Figure("P7", mode + ": gateway time-outs (" + GATEWAY_TIMEOUT.toSeconds() + " s), other failures "
                + outcome.failed(), outcome.timedOut(), "", null, null, judged ? "0" : "",
                !judged || outcome.timedOut() == 0 && outcome.failed() == 0));
        int settled = after.settledAfter(25);
        report.add(new Figure("P7", mode + ": then P2 at " + options.openLoopRate() + "/s: seconds until every second's"
                + " p99 < 25 ms (p99 over its " + options.step().toSeconds() + " s: " + Math.round(millis(after.accepted(), 99))
                + " ms)", settled, "s", null, null, judged ? "<= 5 s" : "", !judged || settled <= 5));
        fairness(mode, judged, rate, burst);
    }

    /** P7f: a gateway at 10× its share beside another at 200/s. */
    private void fairness(String mode, boolean judged, int heavyRate, Duration burst) {
        CompletableFuture<OpenLoop.Outcome> heavyLoad = CompletableFuture.supplyAsync(
                () -> OpenLoop.run(heavyRate, burst, GATEWAY_TIMEOUT, i -> verification(heavy, "MY_DOCOMO")));
        OpenLoop.Outcome lightLoad = OpenLoop.run(LIGHT_RATE, burst, GATEWAY_TIMEOUT, i -> verification(light, "BILLING"));
        OpenLoop.Outcome heavyOutcome = heavyLoad.join();
        double p99 = millis(lightLoad.accepted(), 99);
        report.add(new Figure("P7f", mode + ": channel-gateway at " + heavyRate + "/s: accepted "
                + heavyOutcome.accepted().getTotalCount() + ", answers " + heavyOutcome.statuses() + ", time-outs "
                + heavyOutcome.timedOut() + ", p99", millis(heavyOutcome.accepted(), 99), "ms", null, null, "", true));
        report.add(new Figure("P7f", mode + ": billing-gateway at " + LIGHT_RATE + "/s beside it: answers "
                + lightLoad.statuses() + ", time-outs " + lightLoad.timedOut() + ", p99", p99, "ms", null, null,
                judged ? "< 50 ms" : "", !judged || p99 < 50 && lightLoad.timedOut() == 0));
    }

    private JsonRequest verification(int ignored) {
        return verification(heavy, "MY_DOCOMO");
    }

    private JsonRequest verification(Actor gateway, String channel) {
        return pins.verification(gateway, channel, Scenarios.randomContract(options.contracts()), Scenarios.randomPin());
    }

    private static double millis(Histogram latencies, double percentile) {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1000.0;
    }
}
