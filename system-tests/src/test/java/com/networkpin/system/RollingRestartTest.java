package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F13: two pin-service replicas on one database behind HAProxy, health-checked on their readiness,
 * under open-loop verifications through it (each entry with its own Idempotency-Key, sent again
 * with the same key after a 503, a broken connection or a time-out). Each replica in turn is stopped
 * with SIGTERM, started again and waited for until HAProxy sends it requests. No entry fails after
 * its retries, every one has a final answer, and every contract's history holds exactly one
 * AttemptFailed per wrong entry and one AttemptSucceeded per right one.
 */
@ExtendWith(RunningSystem.class)
class RollingRestartTest {

    private static final int CONTRACTS = 1_000;
    /**
     * Verifications per second (-Df13.perSecond=…): well under what one replica answers on a 2-core machine while
     * the other starts beside it (a starting JVM takes most of a core for 20–30 s). At 100/s the serving replica
     * was past its capacity for a minute: about 3 requests in 4 were refused with Retry-After, and a few entries
     * were refused on each of their attempts in a row until their gateway gave up.
     */
    private static final double PER_SECOND = Double.parseDouble(System.getProperty("f13.perSecond", "50"));
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(90);
    private static final Path LOGS = Path.of("target/service-logs");

    private ServiceProcess replicaB;

    @Test
    void aRollingRestartUnderLoadFailsLosesAndCountsTwiceNothing() throws Exception {
        Haproxy.assumeInstalled();
        ServiceFleet fleet = RunningSystem.fleet();
        ServiceProcess replicaA = fleet.process(StackService.PIN_SERVICE);
        int portB = FreePort.find();
        Supplier<ServiceProcess> startB = () -> replicaB = fleet.startAnother(StackService.PIN_SERVICE, portB,
                LOGS.resolve("pin-service-replica-b.log"));
        startB.get().awaitReady(READY_TIMEOUT);
        try (Haproxy haproxy = Haproxy.start(Map.of("a", replicaA.url(), "b", replicaB.url()),
                Path.of("target/haproxy"))) {
            PinApi pin = new PinApi(haproxy.url());
            List<String> contracts = VerificationHistory.setPins(new PinApi(replicaA.url()),
                    "F13-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), CONTRACTS);
            OpenLoopVerifications load = OpenLoopVerifications.alternating(haproxy.url(),
                    RunningSystem.actors().channel()::bearer, contracts, PER_SECOND);
            FaultFigures figures = new FaultFigures("F13 rolling restart (SIGTERM) of two pin-service replicas"
                    + " behind HAProxy, " + (int) PER_SECOND + " verifications/s over " + CONTRACTS + " contracts");
            Map<String, Integer> answeredDuring = new LinkedHashMap<>();
            load.start();
            try {
                Thread.sleep(BEFORE.toMillis());
                answeredDuring.put("a", restart(haproxy, load, figures, "a", replicaA, () -> {
                    fleet.start(StackService.PIN_SERVICE);
                    return replicaA;
                }));
                answeredDuring.put("b", restart(haproxy, load, figures, "b", replicaB, startB));
                Thread.sleep(AFTER.toMillis());
            } finally {
                load.stop(FINISH_TIMEOUT);
            }
            check(pin, load, figures, answeredDuring);
        } finally {
            replicaB.stop();
        }
    }

    /**
     * SIGTERM to one replica, then (once it has exited) the same replica started again, until HAProxy
     * sends it requests again; returns how many entries were answered meanwhile.
     */
    private static int restart(Haproxy haproxy, OpenLoopVerifications load, FaultFigures figures, String name,
                               ServiceProcess running, Supplier<ServiceProcess> start) {
        int answeredBefore = load.answered();
        long stopping = System.nanoTime();
        running.stop();
        long stopped = System.nanoTime();
        ServiceProcess started = start.get();
        Duration ready = started.awaitReady(READY_TIMEOUT);
        haproxy.awaitUp(List.of(name), UP_TIMEOUT);
        figures.put(name + "StopMs", (stopped - stopping) / 1_000_000)
                .put(name + "ReadyMs", ready.toMillis())
                .put(name + "BackInHaproxyMs", (System.nanoTime() - stopped) / 1_000_000);
        return load.answered() - answeredBefore;
    }

    private static void check(PinApi pin, OpenLoopVerifications load, FaultFigures figures,
                              Map<String, Integer> answeredDuring) throws Exception {
        VerificationHistory.Result result = VerificationHistory.check(pin, load);
        result.addTo(figures.put("requests", load.requests()).put("retries", load.retries())
                        .put("refusedWithRetryAfter", load.unavailable()).put("brokenOrTimedOut", load.brokenOrTimedOut()))
                .put("answeredDuringRestart", answeredDuring)
                .put("starvedTicks", load.starved())
                .print();
        result.printExamples("F13");

        answeredDuring.forEach((replica, answered) ->
                assertTrue(answered > 0, "entries were answered while replica " + replica + " restarted"));
        assertEquals(0, result.unfinished(), "entries without a final answer");
        assertEquals(List.of(), result.failures().stream().limit(20).toList(), "entries failed after their retries");
        assertEquals(0, result.doubleCounts(), "attempts recorded twice");
        assertEquals(Map.of(), result.mismatches(), "each contract's history = the entries its clients made");
    }
}
