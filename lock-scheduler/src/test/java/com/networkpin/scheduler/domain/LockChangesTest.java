package com.networkpin.scheduler.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.AttemptFailed;
import com.networkpin.events.Channel;
import com.networkpin.events.IdDocument;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LockChangesTest {

    private static final Instant LOCKED_AT = Instant.parse("2025-02-28T10:00:00Z");
    private static final Instant UNLOCKS_AT = Instant.parse("2025-02-28T15:00:00Z");
    private static final UUID MIDNIGHT_EVENT = UUID.fromString("6f1c5e0a-0000-3000-8000-000000000001");

    @Test
    void givenALockedEvent_whenProjected_thenTheContractGetsAPendingLock() {
        Locked locked = new Locked("C-1", LOCKED_AT, UNLOCKS_AT);

        LockChanges changes = LockChanges.of(List.of(locked));

        assertEquals(Map.of("C-1", new PendingLock("C-1", LOCKED_AT, UNLOCKS_AT)), changes.locked());
        assertTrue(changes.lifted().isEmpty());
    }

    @Test
    void givenABatchWithSeveralEventsOfAContract_whenProjected_thenItsLastEventDecides() {
        var events = List.of(
                new Locked("C-1", LOCKED_AT, UNLOCKS_AT),
                new Unlocked("C-1", UnlockReason.MIDNIGHT, MIDNIGHT_EVENT, UNLOCKS_AT),
                new Unlocked("C-2", UnlockReason.RESET, UUID.randomUUID(), UNLOCKS_AT),
                new Locked("C-2", UNLOCKS_AT.plusSeconds(60), UNLOCKS_AT.plusSeconds(86_400)));

        LockChanges changes = LockChanges.of(events);

        assertEquals(Set.of("C-1"), changes.lifted());
        assertEquals(Set.of("C-2"), changes.locked().keySet());
    }

    @Test
    void givenUnlocksAtMidnightAndByReset_whenProjected_thenOnlyMidnightUnlocksAreCountedPerMidnight() {
        UUID otherMidnight = UUID.randomUUID();
        var events = List.of(
                new Unlocked("C-1", UnlockReason.MIDNIGHT, MIDNIGHT_EVENT, UNLOCKS_AT),
                new Unlocked("C-2", UnlockReason.MIDNIGHT, MIDNIGHT_EVENT, UNLOCKS_AT),
                new Unlocked("C-3", UnlockReason.MIDNIGHT, otherMidnight, UNLOCKS_AT),
                new Unlocked("C-4", UnlockReason.RESET, UUID.randomUUID(), UNLOCKS_AT));

        LockChanges changes = LockChanges.of(events);

        assertEquals(Map.of(MIDNIGHT_EVENT, 2L, otherMidnight, 1L), changes.midnightUnlocks());
        assertEquals(Set.of("C-1", "C-2", "C-3", "C-4"), changes.lifted());
    }

    @Test
    void givenALockedPin_whenItIsResetAtAShop_thenTheLockIsLifted() {
        var events = List.of(new Locked("C-1", LOCKED_AT, UNLOCKS_AT), new PinReset("C-1", "R-1", "staff-1", "session-1",
                IdDocument.MY_NUMBER_CARD, LOCKED_AT.plusSeconds(5)));

        LockChanges changes = LockChanges.of(events);

        assertEquals(Set.of("C-1"), changes.lifted());
        assertTrue(changes.locked().isEmpty());
    }

    @Test
    void givenAnotherPinEvent_whenProjected_thenNothingChanges() {
        var events = List.of(new AttemptFailed("C-1", Channel.MY_DOCOMO, 1, 2, LOCKED_AT));

        LockChanges changes = LockChanges.of(events);

        assertTrue(changes.isEmpty());
    }
}
