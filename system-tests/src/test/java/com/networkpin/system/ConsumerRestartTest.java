package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F11: a restarted lock-scheduler's consumer gets its partitions back at once, because it rejoins its
 * group under the same static membership id ({@code group.instance.id}) as the instance before it.
 * Without it, a crashed instance's partitions stay with the dead member until its session expires, and
 * every lock waits that long to reach the scheduler (the "more than 10 s after ./stack up").
 *
 * <p>For the crash the scheduler runs with Kafka's default session time-out, 45 s, instead of the
 * services' 10 s: a wait for the old member's session then stands far beyond the test's limit instead
 * of hiding inside the few seconds the restart itself takes. The graceful restart runs with the
 * services' own settings and puts them back for later tests (it runs second).
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerRestartTest {

    private static final Duration KAFKA_DEFAULT_SESSION = Duration.ofSeconds(45);
    private static final Map<String, String> LONG_SESSION = Map.of(
            "MP_MESSAGING_INCOMING_PIN_EVENTS_IN_SESSION_TIMEOUT_MS", Long.toString(KAFKA_DEFAULT_SESSION.toMillis()));
    /** Well inside either session time-out: only a consumer that got its partitions back at once makes it. */
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Long enough to see (and print) a wait for the old member's session instead of only failing. */
    private static final Duration GIVE_UP = KAFKA_DEFAULT_SESSION.plusSeconds(30);

    private final ServiceFleet fleet = RunningSystem.fleet();
    private final ServiceProcess scheduler = fleet.process(StackService.LOCK_SCHEDULER);
    private final PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
    private final LockProjections projections = new LockProjections();
    private final String prefix = "F11-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    @Order(1)
    @DisplayName("F11: a lock-scheduler killed (SIGKILL) and restarted gets a new lock within seconds, not after the old member's session")
    void aCrashedSchedulerResumesAtOnce() throws InterruptedException {
        restartGracefully(LONG_SESSION);
        assertTrue(reachesScheduler(prefix + "-before").isPresent(), "the consumer held its partitions before the crash");

        scheduler.kill();
        fleet.start(StackService.LOCK_SCHEDULER, LONG_SESSION);
        check("F11 lock-scheduler killed (SIGKILL) and restarted with its instance id", KAFKA_DEFAULT_SESSION,
                scheduler.awaitReady(READY_TIMEOUT), prefix + "-after-crash");
    }

    @Test
    @Order(2)
    @DisplayName("F11: a lock-scheduler stopped (SIGTERM) and restarted gets a new lock within seconds")
    void aStoppedSchedulerResumesAtOnce() throws InterruptedException {
        check("F11 lock-scheduler stopped (SIGTERM) and restarted with its instance id", Duration.ofSeconds(10),
                restartGracefully(Map.of()), prefix + "-after-stop");
    }

    private Duration restartGracefully(Map<String, String> environment) {
        scheduler.stop();
        fleet.start(StackService.LOCK_SCHEDULER, environment);
        return scheduler.awaitReady(READY_TIMEOUT);
    }

    /** Locks a PIN once the restarted scheduler is ready and measures until its projection holds the lock. */
    private void check(String fault, Duration session, Duration restart, String contract) throws InterruptedException {
        long ready = System.nanoTime();
        Optional<Duration> reached = reachesScheduler(contract);
        Duration sinceReady = Duration.ofNanos(System.nanoTime() - ready);
        new FaultFigures(fault)
                .put("restartMs", restart.toMillis())
                .put("sessionTimeoutMs", session.toMillis())
                .put("limitMs", LIMIT.toMillis())
                .put("lockToProjectionMs", reached.map(Duration::toMillis).orElse(-1L))
                .put("readyToProjectionMs", sinceReady.toMillis())
                .put("expected", 1).put("seen", reached.isPresent() ? 1 : 0).put("lost", reached.isPresent() ? 0 : 1)
                .print();
        assertTrue(reached.isPresent(), "the lock of " + contract + " never reached the scheduler");
        assertTrue(sinceReady.compareTo(LIMIT) < 0, "the lock reached the scheduler " + sinceReady.toMillis()
                + " ms after it was ready: its consumer waited for its partitions");
    }

    /** Locks the contract's PIN; how long after the lock the scheduler held it, empty if it never did. */
    private Optional<Duration> reachesScheduler(String contract) throws InterruptedException {
        pin.setAndLock(contract);
        long locked = System.nanoTime();
        long deadline = locked + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (projections.scheduler(contract).isPresent()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - locked));
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }
}
