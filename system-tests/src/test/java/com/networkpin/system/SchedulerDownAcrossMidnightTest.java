package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.EventJson;
import com.networkpin.events.JapanTime;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.launcher.DemoClocks;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import com.networkpin.testinfra.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F3: the lock-scheduler is down across a midnight in Japan and comes back at 03:00 the next
 * day (its clock started there; the other services' clocks are moved there too, since the
 * pin-service applies no midnight ahead of its own clock). It publishes that date's MidnightUnlock exactly once, and every
 * lock due by then is lifted: locks it had projected before going down, and locks made while it
 * was down. The scheduler keeps running on the moved clock afterwards; a later move to "the next
 * midnight" (the story test's) then reaches a date nobody published yet.
 */
@ExtendWith(RunningSystem.class)
class SchedulerDownAcrossMidnightTest {

    private static final ZoneId JAPAN = JapanTime.DEFAULT_ZONE;
    private static final LocalTime BACK_AT = LocalTime.of(3, 0);
    private static final LocalTime EVE = LocalTime.of(12, 0);
    private static final int LOCKS_BEFORE = 4;
    private static final int LOCKS_WHILE_DOWN = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Http operator = RunningSystem.as(RunningSystem.actors().operator());
    private final PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
    private final LockProjections projections = new LockProjections();

    @Test
    void aSchedulerBackAfterMidnightPublishesItOnceAndEveryDueLockLifts() throws InterruptedException {
        ServiceFleet fleet = RunningSystem.fleet();
        ServiceProcess scheduler = fleet.process(StackService.LOCK_SCHEDULER);
        String prefix = "F3-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate date = firstUnpublishedDateAfterToday();
        Instant backAt = date.atTime(BACK_AT).atZone(JAPAN).toInstant();
        UUID midnightId = MidnightUnlock.eventIdFor(date);
        // The locks must fall due at that midnight: a service restarted by an earlier test is back on real
        // time, behind the midnights other tests published, so the clocks first move to the eve of that date.
        DemoClocks.Moved eve = new DemoClocks(operator).follow(null, date.minusDays(1).atTime(EVE).atZone(JAPAN).toInstant());
        assertEquals(200, eve.pinService().status(), eve.pinService().rawBody());

        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < LOCKS_BEFORE; i++) {
            String contract = prefix + "-before-" + i;
            pin.setAndLock(contract);
            contracts.add(contract);
        }
        assertTrue(awaitTrue("the scheduler holds the locks made before it went down",
                () -> contracts.stream().allMatch(id -> projections.scheduler(id).isPresent())));

        Duration back;
        scheduler.stop();
        try {
            for (int i = 0; i < LOCKS_WHILE_DOWN; i++) {
                String contract = prefix + "-while-down-" + i;
                pin.setAndLock(contract);
                contracts.add(contract);
            }
        } finally {
            fleet.start(StackService.LOCK_SCHEDULER, Map.of("NETWORK_PIN_CLOCK_START_AT", backAt.toString()));
            back = scheduler.awaitReady(TIMEOUT);
        }
        // The pin-service holds a midnight ahead of its own clock: the rest of the system's time moves there too.
        DemoClocks.Moved clocks = new DemoClocks(operator).follow(null, backAt);
        assertEquals(200, clocks.pinService().status(), clocks.pinService().rawBody());

        boolean lifted = awaitTrue("every due lock is lifted everywhere", () -> contracts.stream().allMatch(id ->
                "ACTIVE".equals(pin.status(id).status()) && projections.scheduler(id).isEmpty()
                        && projections.reservation(id).isEmpty()));
        long stillLocked = contracts.stream().filter(id -> !"ACTIVE".equals(pin.status(id).status())).count();
        List<String> unlockedBy = contracts.stream().map(this::unlockCause).toList();
        int published = TopicReader.read(Topics.MIDNIGHT_UNLOCKS, record -> date.toString().equals(record.key())
                        && EventJson.read(record.value()).id().equals(midnightId), 2, Duration.ofSeconds(5)).size();

        new FaultFigures("F3 lock-scheduler down across midnight " + date)
                .put("restartMs", back.toMillis())
                .put("expected", 1).put("seen", Math.min(published, 1)).put("lost", published == 0 ? 1 : 0)
                .put("duplicated", Math.max(0, published - 1))
                .put("dueLocks", contracts.size()).put("liftedLocks", contracts.size() - stillLocked)
                .print();

        assertEquals(1, published, "MidnightUnlock records for " + date + " on " + Topics.MIDNIGHT_UNLOCKS);
        assertEquals(200, operator.get(StackService.LOCK_SCHEDULER.url() + "/midnights/" + date).status());
        assertTrue(lifted, "every due lock lifted in the pin-service, the scheduler and the reservation-service");
        assertEquals(contracts.stream().map(id -> "MIDNIGHT " + midnightId).toList(), unlockedBy,
                "each lock was lifted by that date's MidnightUnlock");
    }

    /** The first date after today (Japan) with no MidnightUnlock yet: other tests may have moved the clock. */
    private LocalDate firstUnpublishedDateAfterToday() {
        LocalDate date = LocalDate.now(JAPAN).plusDays(1);
        while (isPublished(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private boolean isPublished(LocalDate date) {
        return operator.get(StackService.LOCK_SCHEDULER.url() + "/midnights/" + date).status() != 404
                || !TopicReader.read(Topics.MIDNIGHT_UNLOCKS, record -> date.toString().equals(record.key()), 1,
                Duration.ofSeconds(2)).isEmpty();
    }

    /** The reason and cause of the contract's last Unlocked, as its history tells. */
    private String unlockCause(String contractId) {
        return pin.history(contractId).stream().filter(entry -> entry.type().equals("Unlocked"))
                .reduce((first, second) -> second)
                .map(entry -> entry.data().path("reason").asText() + " " + entry.data().path("causeEventId").asText())
                .orElse("not unlocked");
    }

    private static boolean awaitTrue(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                System.out.println("gave up waiting: " + what);
                return false;
            }
            Thread.sleep(300);
        }
        return true;
    }
}
