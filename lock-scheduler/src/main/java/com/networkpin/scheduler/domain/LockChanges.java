package com.networkpin.scheduler.domain;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a batch of PIN events changes in the projection, folded so that it can be written with a
 * few batched statements. A contract's events arrive in order, so its last event in the batch
 * decides: {@code Locked} leaves a pending lock, {@code Unlocked} or {@code PinReset} lifts it.
 *
 * @param locked          pending locks to insert or replace, by contract
 * @param lifted          contracts whose pending lock is gone
 * @param midnightUnlocks per MidnightUnlock event id, how many {@code Unlocked(MIDNIGHT)} it caused
 */
public record LockChanges(Map<String, PendingLock> locked, Set<String> lifted, Map<UUID, Long> midnightUnlocks) {

    public LockChanges {
        locked = Map.copyOf(locked);
        lifted = Set.copyOf(lifted);
        midnightUnlocks = Map.copyOf(midnightUnlocks);
    }

    /** Folds events in delivery order; events other than Locked, Unlocked and PinReset change nothing. */
    public static LockChanges of(List<? extends DomainEvent> events) {
        Map<String, PendingLock> lastState = new LinkedHashMap<>(); // null value: lifted
        Map<UUID, Long> midnightUnlocks = new HashMap<>();
        for (DomainEvent event : events) {
            if (event instanceof Locked locked) {
                lastState.put(locked.contractId(),
                        new PendingLock(locked.contractId(), locked.lockedAt(), locked.unlocksAt()));
            } else if (event instanceof Unlocked unlocked) {
                lastState.put(unlocked.contractId(), null);
                if (unlocked.reason() == UnlockReason.MIDNIGHT) {
                    midnightUnlocks.merge(unlocked.causeEventId(), 1L, Long::sum);
                }
            } else if (event instanceof PinReset reset) {
                lastState.put(reset.contractId(), null);
            }
        }
        Map<String, PendingLock> locked = lastState.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> lifted = lastState.entrySet().stream()
                .filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new LockChanges(locked, lifted, midnightUnlocks);
    }

    public boolean isEmpty() {
        return locked.isEmpty() && lifted.isEmpty() && midnightUnlocks.isEmpty();
    }
}
