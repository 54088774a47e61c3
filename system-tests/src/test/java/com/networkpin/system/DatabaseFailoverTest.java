package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.ha.PatroniCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database of all three services replicated as production runs it ({@link PatroniCluster}: Patroni,
 * a synchronous standby, HAProxy as the one address), under open-loop verifications whose clients send
 * an entry again with its Idempotency-Key after a 503, a broken connection or a time-out. Run by the
 * build's {@code ha-postgres} test execution, which sets {@value Infrastructure#HA_POSTGRES}=true.
 */
@Tag("postgres-cluster")
@EnabledIfSystemProperty(named = Infrastructure.HA_POSTGRES, matches = "true")
@EnabledIf(value = "com.networkpin.localinfra.ha.PatroniCluster#installed",
        disabledReason = "apt-get install patroni etcd-server postgresql-15 haproxy (.ci/run does)")
@ExtendWith(RunningSystem.class)
class DatabaseFailoverTest {

    private static final int CONTRACTS = 2_000;
    /** Contracts sent wrong PINs only, across the fault: each must lock at exactly the limit. */
    private static final int HAMMERED = 20;
    private static final double HAMMER_PER_SECOND = 10;
    private static final int LOCK_LIMIT = 3; // pin-service's network-pin.pin.max-consecutive-failures
    /** Verifications per second; what this 2-core machine sustains beside the whole stack (-Df17.perSecond=…). */
    private static final double PER_SECOND = Double.parseDouble(System.getProperty("f17.perSecond", "100"));
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(10);
    private static final Duration RTO_LIMIT = Duration.ofSeconds(30);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(90);

    private final PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
    private PatroniCluster cluster;

    @BeforeEach
    void aHealthyCluster() {
        cluster = (PatroniCluster) Infrastructure.get().postgres();
        cluster.awaitHealthy(RECOVERY_TIMEOUT);
    }

    @Test
    @DisplayName("F17: kill -9 of the primary's node under load: the standby is promoted, every service recovers "
            + "through HAProxy without a restart, no acknowledged verification lost or counted twice, every "
            + "contract hammered across it locked at exactly the limit")
    void theStandbyTakesOverFromAKilledPrimaryAndNothingAcknowledgedIsLost() throws Exception {
        String killed = cluster.primaryName().orElseThrow();
        Outage outage = underLoad("F17", () -> cluster.node(killed).kill());
        String promoted = cluster.primaryName().orElseThrow();

        long restarting = System.nanoTime();
        cluster.node(killed).start();
        cluster.awaitSynchronousStandby(RECOVERY_TIMEOUT);
        outage.figures.put("killed", killed).put("promoted", promoted)
                .put("rejoinedAsStandbyMs", (System.nanoTime() - restarting) / 1_000_000);
        outage.check();
        assertNotEquals(killed, promoted, "the standby was promoted");
        assertEquals(promoted, cluster.primaryName().orElseThrow(), "the killed node came back as the standby");
    }

    @Test
    @DisplayName("F18: only the primary's postmaster killed: Patroni starts it again in place, no failover, "
            + "nothing acknowledged lost or counted twice")
    void aKilledPostmasterIsRestartedInPlace() throws Exception {
        String primary = cluster.primaryName().orElseThrow();
        Outage outage = underLoad("F18", () -> cluster.node(primary).killPostmaster());
        outage.figures.put("primaryBefore", primary).put("primaryAfter", cluster.primaryName().orElse("none"));
        cluster.awaitSynchronousStandby(RECOVERY_TIMEOUT); // the standby streams again, as a synchronous one
        outage.check();
        assertEquals(primary, cluster.primaryName().orElseThrow(), "no failover: the same node is primary");
    }

    /** The fault and what was seen around it. */
    private final class Outage {
        final FaultFigures figures;
        final OpenLoopVerifications load;
        final OpenLoopVerifications hammer;
        final Duration rto;
        final Map<StackService, Long> pidsBefore;
        final long readOnlyAfterRecovery;
        final String fault;

        Outage(String fault, FaultFigures figures, OpenLoopVerifications load, OpenLoopVerifications hammer,
               Duration rto, Map<StackService, Long> pidsBefore, long readOnlyAfterRecovery) {
            this.fault = fault;
            this.figures = figures;
            this.load = load;
            this.hammer = hammer;
            this.rto = rto;
            this.pidsBefore = pidsBefore;
            this.readOnlyAfterRecovery = readOnlyAfterRecovery;
        }

        void check() throws Exception {
            VerificationHistory.Result result = VerificationHistory.check(pin, load);
            VerificationHistory.Lockouts lockouts = VerificationHistory.checkLockouts(pin, hammer, LOCK_LIMIT);
            lockouts.addTo(figures);
            result.addTo(figures.put("requests", load.requests()).put("retries", load.retries())
                            .put("refusedWithRetryAfter", load.unavailable()).put("brokenOrTimedOut", load.brokenOrTimedOut())
                            .put("starvedTicks", load.starved()))
                    .put("rtoMs", rto.toMillis()).put("readOnlyErrorsAfterRecovery", readOnlyAfterRecovery)
                    .print();
            result.printExamples(fault);
            lockouts.violations().stream().limit(5).forEach(violation ->
                    System.out.println("[fault] " + fault + " lockout " + violation));
            assertEquals(pidsBefore, pids(RunningSystem.fleet()), "no service was restarted");
            assertTrue(rto.compareTo(RTO_LIMIT) < 0, "writes were answered again within " + RTO_LIMIT + ": " + rto);
            assertEquals(0, readOnlyAfterRecovery, "no service wrote to a demoted node (SQLSTATE 25006) after recovery");
            assertEquals(0, result.unfinished(), "entries without a final answer or failure");
            assertEquals(0, result.missing(), "acknowledged entries missing from the event store");
            assertEquals(0, result.doubleCounts(), "entries recorded twice, or recorded without being sent");
            assertEquals(List.of(), lockouts.violations(), "every hammered contract locked at exactly " + LOCK_LIMIT);
            assertEquals(HAMMERED, lockouts.locked(), "every hammered contract locked");
            assertTrue(result.failures().size() < result.entries() / 10,
                    "most entries were answered across the fault: " + result.failures().size() + " failed for good");
        }
    }

    /**
     * Verifications at {@link #PER_SECOND} and a write probe, the fault after {@link #BEFORE}, the
     * services back to ready, {@link #AFTER} more of the load, then every entry finished.
     */
    private Outage underLoad(String fault, Runnable inject) throws Exception {
        ServiceFleet fleet = RunningSystem.fleet();
        Map<StackService, Long> pids = pids(fleet);
        String prefix = fault + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> contracts = VerificationHistory.setPins(pin, prefix, CONTRACTS + 1);
        List<String> hammered = VerificationHistory.setPins(pin, prefix + "-H", HAMMERED);
        FaultFigures figures = new FaultFigures(fault + " " + (fault.equals("F17") ? "kill -9 of the PostgreSQL primary's node"
                : "kill -9 of the primary's postmaster only") + " (Patroni, synchronous standby, HAProxy), "
                + (int) PER_SECOND + " verifications/s over " + CONTRACTS + " contracts");
        OpenLoopVerifications load = OpenLoopVerifications.alternating(StackService.PIN_SERVICE.url(),
                RunningSystem.actors().channel()::bearer, contracts.subList(1, contracts.size()), PER_SECOND);
        OpenLoopVerifications hammer = OpenLoopVerifications.wrongOnly(StackService.PIN_SERVICE.url(),
                RunningSystem.actors().channel()::bearer, hammered, HAMMER_PER_SECOND);
        Duration rto;
        long readOnly;
        load.start();
        hammer.start();
        try (WriteProbe probe = new WriteProbe(StackService.PIN_SERVICE.url(), RunningSystem.actors().channel()::bearer,
                contracts.get(0))) {
            Thread.sleep(BEFORE.toMillis());
            long injected = System.nanoTime();
            inject.run();
            probe.awaitRecovered(injected, RECOVERY_TIMEOUT);
            Map<StackService, Long> logOffsets = logSizes(fleet);
            Thread.sleep(AFTER.toMillis());
            readOnly = readOnlyErrorsSince(fleet, logOffsets);
            rto = probe.outageAfter(injected).orElse(RECOVERY_TIMEOUT);
            figures.put("probesFailed", probe.failedAfter(injected));
        } finally {
            load.stop(FINISH_TIMEOUT);
            hammer.stop(FINISH_TIMEOUT);
        }
        return new Outage(fault, figures, load, hammer, rto, pids, readOnly);
    }

    private static Map<StackService, Long> pids(ServiceFleet fleet) {
        Map<StackService, Long> pids = new EnumMap<>(StackService.class);
        StackService.backends().forEach(service -> pids.put(service, fleet.process(service).pid()));
        return pids;
    }

    private static Map<StackService, Long> logSizes(ServiceFleet fleet) throws IOException {
        Map<StackService, Long> sizes = new EnumMap<>(StackService.class);
        for (StackService service : StackService.backends()) {
            sizes.put(service, Files.size(fleet.process(service).log()));
        }
        return sizes;
    }

    /** Lines of the services' logs, written since the offsets, that tell of a write refused by a standby. */
    private static long readOnlyErrorsSince(ServiceFleet fleet, Map<StackService, Long> offsets) throws IOException {
        long count = 0;
        for (StackService service : StackService.backends()) {
            Path log = fleet.process(service).log();
            byte[] all = Files.readAllBytes(log);
            String since = new String(all, (int) Math.min(all.length, offsets.get(service)),
                    (int) Math.max(0, all.length - offsets.get(service)), java.nio.charset.StandardCharsets.UTF_8);
            count += since.lines().filter(line -> line.contains("read-only transaction")).count();
        }
        return count;
    }
}
