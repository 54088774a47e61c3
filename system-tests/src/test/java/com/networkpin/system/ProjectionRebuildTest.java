package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.events.Topics;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F10: the lock-scheduler's pending locks and the reservation-service's PIN lock states, each rebuilt by
 * the operator's command from the whole PIN topic, equal the live projections. The story: PIN traffic that sets, verifies and locks PINs, on a topic that
 * also holds whatever earlier tests of the run left there (midnight unlocks, resets, a redelivered
 * event, unreadable messages).
 */
@ExtendWith(RunningSystem.class)
class ProjectionRebuildTest {

    private static final Duration TRAFFIC = Duration.ofSeconds(5);
    private static final String SCHEDULER = StackService.LOCK_SCHEDULER.url();
    private static final String RESERVATION = StackService.RESERVATION_SERVICE.url();
    private static final int PAGE_SIZE = 100;

    private final Http operator = RunningSystem.as(RunningSystem.actors().operator());
    private final LockProjections projections = new LockProjections();

    @Test
    @DisplayName("F10: the pending locks and the PIN lock states rebuilt from the PIN topic equal the live projections")
    void theRebuiltProjectionEqualsTheLiveOne() throws InterruptedException {
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        PinTraffic traffic = new PinTraffic(pin, "F10", 3);
        FaultFigures figures = new FaultFigures("F10 lock-scheduler projection rebuilt from " + Topics.PIN_EVENTS);
        traffic.start();
        List<ContractLog> contracts;
        try {
            Thread.sleep(TRAFFIC.toMillis());
        } finally {
            contracts = traffic.stop();
        }
        Reconciliation caughtUp = new Reconciliation(pin, new FaultFigures("F10 story")).check(contracts);

        Map<String, String> live = pendingLocks();
        JsonNode rebuilt = PinApi.expect(operator.post(SCHEDULER + "/admin/projection/rebuild", null), 200).body();
        Map<String, String> afterRebuild = pendingLocks();
        Map<String, String> liveStates = projections.reservationStates();
        JsonNode rebuiltStates = PinApi.expect(operator.post(RESERVATION + "/admin/projection/rebuild", null), 200)
                .body();
        Map<String, String> statesAfterRebuild = projections.reservationStates();

        Map<String, String> missing = notIn(afterRebuild, live);
        Map<String, String> extra = notIn(live, afterRebuild);
        long storyLocks = contracts.stream().map(ContractLog::contractId).filter(live::containsKey).count();
        figures.put("records", rebuilt.path("records").asLong())
                .put("contracts", rebuilt.path("contracts").asLong())
                .put("tookMs", rebuilt.path("tookMillis").asLong())
                .put("storyLocks", storyLocks)
                .put("expected", live.size())
                .put("seen", live.size() - missing.size())
                .put("lost", missing.size())
                .put("duplicated", extra.size())
                .print();
        Map<String, String> missingStates = notIn(statesAfterRebuild, liveStates);
        Map<String, String> extraStates = notIn(liveStates, statesAfterRebuild);
        new FaultFigures("F10 reservation-service PIN lock states rebuilt from " + Topics.PIN_EVENTS)
                .put("records", rebuiltStates.path("records").asLong())
                .put("contracts", rebuiltStates.path("contracts").asLong())
                .put("lockedNow", rebuiltStates.path("lockedNow").asLong())
                .put("tookMs", rebuiltStates.path("tookMillis").asLong())
                .put("expected", liveStates.size())
                .put("seen", liveStates.size() - missingStates.size())
                .put("lost", missingStates.size())
                .put("duplicated", extraStates.size())
                .print();

        assertEquals(List.of(), caughtUp.inconsistent, "the live projection had caught up with the pin-service");
        assertTrue(storyLocks > 0, "the story locked PINs");
        assertEquals(Map.of(), missing, "live locks the rebuild lost or changed");
        assertEquals(Map.of(), extra, "locks the rebuild made up");
        assertEquals(live.size(), rebuilt.path("pendingLocks").asLong(), "the rebuild's own count");
        assertEquals(Set.copyOf(live.keySet()), Set.copyOf(afterRebuild.keySet()));
        assertEquals(Map.of(), missingStates, "reservation-service lock states the rebuild lost or changed");
        assertEquals(Map.of(), extraStates, "reservation-service lock states the rebuild made up");
        assertEquals(liveStates.size(), rebuiltStates.path("contracts").asLong(), "the rebuild's own count");
    }

    /** The entries of {@code projection} that {@code other} lacks or holds with another value. */
    private static Map<String, String> notIn(Map<String, String> other, Map<String, String> projection) {
        Map<String, String> differing = new TreeMap<>(projection);
        differing.entrySet().removeIf(entry -> entry.getValue().equals(other.get(entry.getKey())));
        return differing;
    }

    /** Every pending lock: contract → unlocksAt, page by page. */
    private Map<String, String> pendingLocks() {
        Map<String, String> locks = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode listing = PinApi.expect(operator.get(SCHEDULER + "/locks?size=" + PAGE_SIZE + "&page=" + page),
                    200).body();
            listing.path("items").forEach(lock -> locks.put(lock.path("contractId").asText(),
                    lock.path("unlocksAt").asText()));
            if ((page + 1L) * PAGE_SIZE >= listing.path("total").asLong()) {
                return locks;
            }
        }
    }
}
