package com.networkpin.scheduler.domain;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a batch of PIN events changes in the projection, folded so that it can be written with a
 * few batched statements. A contract's newest event in the batch (by its stream sequence, never by
 * its clock time or delivery order) decides: {@code Locked} leaves a pending lock, {@code Unlocked}
 * or {@code PinReset} lifts it. The store applies it only when that sequence is newer than the one
 * it applied last for the contract.
 *
 * @param locked          pending locks to insert or replace, by contract
 * @param lifted          contracts whose pending lock is gone
 * @param sequences       per changed contract, the stream sequence of the event that decided
 * @param midnightUnlocks per MidnightUnlock event id, how many {@code Unlocked(MIDNIGHT)} it caused
 */
public record LockChanges(Map<String, PendingLock> locked, Set<String> lifted, Map<String, Long> sequences,
                          Map<UUID, Long> midnightUnlocks) {

    public LockChanges {
        locked = Map.copyOf(locked);
        lifted = Set.copyOf(lifted);
        sequences = Map.copyOf(sequences);
        midnightUnlocks = Map.copyOf(midnightUnlocks);
    }

    /** Folds events of one batch in delivery order, as if their sequences were that order (tests). */
    public static LockChanges of(List<? extends DomainEvent> events) {
        List<EventEnvelope<DomainEvent>> envelopes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(EventEnvelope.of(UUID.randomUUID(), i + 1L, Instant.EPOCH, events.get(i)));
        }
        return fromEnvelopes(envelopes);
    }

    /** Folds a batch; events other than Locked, Unlocked and PinReset change nothing. */
    public static LockChanges fromEnvelopes(List<EventEnvelope<DomainEvent>> events) {
        Map<String, PendingLock> lastState = new LinkedHashMap<>(); // null value: lifted
        Map<String, Long> sequences = new HashMap<>();
        Map<UUID, Long> midnightUnlocks = new HashMap<>();
        for (EventEnvelope<DomainEvent> envelope : events) {
            DomainEvent event = envelope.data();
            if (event instanceof Unlocked unlocked && unlocked.reason() == UnlockReason.MIDNIGHT) {
                midnightUnlocks.merge(unlocked.causeEventId(), 1L, Long::sum); // every one counts, whatever its order
            }
            String contract = contractOf(event);
            if (contract == null || sequences.getOrDefault(contract, 0L) >= envelope.sequence()) {
                continue; // not a lock change, or older than one already folded
            }
            sequences.put(contract, envelope.sequence());
            if (event instanceof Locked locked) {
                lastState.put(contract, new PendingLock(contract, locked.lockedAt(), locked.unlocksAt()));
            } else {
                lastState.put(contract, null);
            }
        }
        Map<String, PendingLock> locked = lastState.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> lifted = lastState.entrySet().stream()
                .filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new LockChanges(locked, lifted, sequences, midnightUnlocks);
    }

    private static String contractOf(DomainEvent event) {
        if (event instanceof Locked locked) {
            return locked.contractId();
        }
        if (event instanceof Unlocked unlocked) {
            return unlocked.contractId();
        }
        return event instanceof PinReset reset ? reset.contractId() : null;
    }

    /** The same changes, only for {@code contracts} (those whose sequence is newer than the one applied). */
    public LockChanges onlyFor(Set<String> contracts) {
        return new LockChanges(
                locked.entrySet().stream().filter(e -> contracts.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                lifted.stream().filter(contracts::contains).collect(Collectors.toSet()),
                sequences.entrySet().stream().filter(e -> contracts.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                midnightUnlocks);
    }

    public boolean isEmpty() {
        return locked.isEmpty() && lifted.isEmpty() && midnightUnlocks.isEmpty();
    }
}
