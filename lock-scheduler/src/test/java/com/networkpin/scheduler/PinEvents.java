package com.networkpin.scheduler;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.IdDocument;
import com.networkpin.events.Locked;
import com.networkpin.events.PinEvent;
import com.networkpin.events.PinReset;
import com.networkpin.events.Topics;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.testinfra.TopicWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** PIN events as the PIN service would publish them. */
public final class PinEvents {

    /** The last sequence given per contract: each contract's events form one stream. */
    private static final Map<String, Long> SEQUENCES = new ConcurrentHashMap<>();

    private PinEvents() {
    }

    /** The next event of the contract's stream. */
    public static EventEnvelope<PinEvent> envelope(PinEvent event) {
        return EventEnvelope.of(UUID.randomUUID(), SEQUENCES.merge(event.contractId(), 1L, Long::sum), Instant.now(),
                event);
    }

    /** As the pin-service instance that appended it would send it: its stream sequence and its own clock's time. */
    public static EventEnvelope<PinEvent> envelope(PinEvent event, long sequence, Instant occurredAt) {
        return EventEnvelope.of(UUID.randomUUID(), sequence, occurredAt, event);
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
        return new PinReset(contractId, "R-" + UUID.randomUUID(), "staff-1", "session-1", IdDocument.MY_NUMBER_CARD, at);
    }

    /** Sends in order on one partition (one key for the whole list), with CloudEvents headers as the relay sends them. */
    public static void publish(String key, List<EventEnvelope<PinEvent>> envelopes) {
        TopicWriter.send(Topics.PIN_EVENTS, key, envelopes.stream().map(TopicWriter::asPublished).toList());
    }

    /** Sends a value that is not an event, without headers. */
    public static void publishRaw(String key, String value) {
        TopicWriter.send(Topics.PIN_EVENTS, key, value);
    }

    public static String newContractId() {
        return "C-" + UUID.randomUUID();
    }
}
