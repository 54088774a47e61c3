package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.EventJson;
import com.networkpin.events.JapanTime;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.launcher.DemoClocks;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.ha.PatroniCluster;
import com.networkpin.testinfra.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F19: a midnight in Japan is published, and the primary's node is killed at once, while the
 * MidnightUnlock leaves the scheduler's outbox and the pin-service lifts the locks due at it. Once
 * the standby has taken over, every due lock is lifted exactly once, by that midnight, in the
 * pin-service and in both projections. The midnight is published once (one row, one event id); its
 * record may reach the topic twice, since the relay sends a row again when the failover takes the
 * mark that it was sent, and the consumers apply an event id once.
 */
@Tag("postgres-cluster")
@EnabledIfSystemProperty(named = Infrastructure.HA_POSTGRES, matches = "true")
@EnabledIf(value = "com.networkpin.localinfra.ha.PatroniCluster#installed",
        disabledReason = "apt-get install patroni etcd-server postgresql-15 haproxy (.ci/run does)")
@ExtendWith(RunningSystem.class)
class MidnightAcrossFailoverTest {

    private static final ZoneId JAPAN = JapanTime.DEFAULT_ZONE;
    private static final int LOCKS = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Http operator = RunningSystem.as(RunningSystem.actors().operator());
    private final PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
    private final LockProjections projections = new LockProjections();

    @Test
    @DisplayName("F19: a midnight published as the database fails over lifts every due lock once")
    void aMidnightPublishedAsTheDatabaseFailsOverLiftsEveryDueLockOnce() throws Exception {
        PatroniCluster cluster = (PatroniCluster) Infrastructure.get().postgres();
        cluster.awaitHealthy(TIMEOUT);
        String prefix = "F19-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // The scheduler's next midnight is tomorrow's (its clock runs on real time in this test JVM); the
        // locks are made on its eve, so that they fall due at it.
        LocalDate date = LocalDate.now(JAPAN).plusDays(1);
        assertEquals(404, operator.get(StackService.LOCK_SCHEDULER.url() + "/midnights/" + date).status(),
                "tomorrow's midnight is not published yet");
        DemoClocks.Moved eve = new DemoClocks(operator).follow(null,
                date.minusDays(1).atTime(LocalTime.NOON).atZone(JAPAN).toInstant());
        assertEquals(200, eve.pinService().status(), eve.pinService().rawBody());
        List<String> contracts = lockAll(prefix);
        assertTrue(awaitTrue(() -> contracts.stream().allMatch(id -> projections.scheduler(id).isPresent())),
                "the scheduler holds every lock");

        String killed = cluster.primaryName().orElseThrow();
        // Published (committed on both nodes); the node dies before the pin-service's clock reaches the
        // midnight, so every lock is lifted across the failover.
        Http.Reply midnight = operator.post(StackService.LOCK_SCHEDULER.url() + "/admin/clock/next-midnight", null);
        long published = System.nanoTime();
        cluster.node(killed).kill();
        assertEquals(200, midnight.status(), midnight.rawBody());
        assertEquals(date.toString(), midnight.body().path("published").path("date").asText(),
                "the midnight published is tomorrow's");
        DemoClocks.Moved clocks = new DemoClocks(operator).follow(midnight, Instant.parse(midnight.text("now")));
        assertEquals(200, clocks.pinService().status(), clocks.pinService().rawBody());
        UUID midnightId = MidnightUnlock.eventIdFor(date);

        boolean lifted = awaitTrue(() -> contracts.stream().allMatch(this::liftedEverywhere));
        long liftedMs = (System.nanoTime() - published) / 1_000_000;
        String promoted = cluster.primaryName().orElse("none");
        cluster.node(killed).start();
        cluster.awaitSynchronousStandby(TIMEOUT);

        List<List<String>> unlocks = contracts.stream().map(this::unlockCauses).toList();
        long liftedOnce = unlocks.stream().filter(causes -> causes.equals(List.of("MIDNIGHT " + midnightId))).count();
        long liftedTwice = unlocks.stream().filter(causes -> causes.size() > 1).count();
        int onTopic = TopicReader.read(Topics.MIDNIGHT_UNLOCKS, record -> date.toString().equals(record.key())
                && EventJson.read(record.value()).id().equals(midnightId), 1, Duration.ofSeconds(5)).size();
        new FaultFigures("F19 midnight " + date + " published, then kill -9 of the PostgreSQL primary's node")
                .put("killed", killed).put("promoted", promoted).put("dueLocks", LOCKS)
                .put("liftedOnce", liftedOnce).put("liftedTwice", liftedTwice).put("allLiftedMs", liftedMs)
                .put("recordsOnTopic", onTopic).print();

        assertNotEquals(killed, promoted, "the standby was promoted");
        assertTrue(lifted, "every due lock lifted in the pin-service, the scheduler and the reservation-service");
        assertEquals(LOCKS, liftedOnce, "each lock lifted exactly once, by that date's MidnightUnlock");
        assertTrue(onTopic >= 1, "the MidnightUnlock for " + date + " on " + Topics.MIDNIGHT_UNLOCKS);
        assertEquals(200, operator.get(StackService.LOCK_SCHEDULER.url() + "/midnights/" + date).status(),
                "the scheduler recorded the midnight as published");
    }

    /**
     * {@link #LOCKS} contracts with a PIN locked by three wrong entries, a few at a time. A contract
     * whose locking was refused as overload (503, nothing recorded) is left, and a fresh one locked.
     */
    private List<String> lockAll(String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> locked = new ArrayList<>();
            for (int i = 0; i < LOCKS; i++) {
                String contract = prefix + "-" + i;
                locked.add(pool.submit(() -> lock(contract)));
            }
            List<String> contracts = new ArrayList<>();
            for (Future<String> future : locked) {
                contracts.add(future.get());
            }
            return contracts;
        } finally {
            pool.shutdownNow();
        }
    }

    private String lock(String contract) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String tried = contract + "-" + attempt;
            try {
                pin.setAndLock(tried);
                return tried;
            } catch (AssertionError refused) {
                if (attempt >= 5 || !refused.getMessage().contains("got 503")) {
                    throw refused;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Whether the pin-service and both projections show the lock lifted; false while a service answers 503. */
    private boolean liftedEverywhere(String contractId) {
        try {
            return "ACTIVE".equals(pin.status(contractId).status()) && projections.scheduler(contractId).isEmpty()
                    && projections.reservation(contractId).isEmpty();
        } catch (AssertionError | RuntimeException notNow) {
            return false;
        }
    }

    /** The reason and cause of each Unlocked in the contract's history. */
    private List<String> unlockCauses(String contractId) {
        return pin.history(contractId).stream().filter(entry -> entry.type().equals("Unlocked"))
                .map(entry -> entry.data().path("reason").asText() + " " + entry.data().path("causeEventId").asText())
                .toList();
    }

    private static boolean awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(300);
        }
        return true;
    }
}
