package com.networkpin.scheduler;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.Locked;
import com.networkpin.events.PinEvent;
import com.networkpin.events.PinReset;
import com.networkpin.events.Topics;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** PIN events as the PIN service would publish them. */
public final class PinEvents {

    private PinEvents() {
    }

    public static String envelope(PinEvent event) {
        return envelope(UUID.randomUUID(), event);
    }

    public static String envelope(UUID eventId, PinEvent event) {
        return EventJson.write(EventEnvelope.of(eventId, 1, Instant.now(), event));
    }

    public static Locked locked(String contractId, Instant unlocksAt) {
        return new Locked(contractId, unlocksAt.minusSeconds(3600), unlocksAt);
    }

    public static Unlocked unlockedAtMidnight(String contractId, UUID midnightEventId, Instant at) {
        return new Unlocked(contractId, UnlockReason.MIDNIGHT, midnightEventId, at);
    }

    public static Unlocked unlockedByReset(String contractId, Instant at) {
        return new Unlocked(contractId, UnlockReason.RESET, UUID.randomUUID(), at);
    }

    public static PinReset reset(String contractId, Instant at) {
        return new PinReset(contractId, "R-" + UUID.randomUUID(), at);
    }

    /** Sends in order on one partition (one key for the whole list). */
    public static void publish(String key, List<String> envelopes) {
        KafkaTopics.send(Topics.PIN_EVENTS, key, envelopes);
    }

    public static String newContractId() {
        return "C-" + UUID.randomUUID();
    }
}
