package com.networkpin.reservation;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.PinEvent;
import com.networkpin.testinfra.TopicWriter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Puts events on the PIN topic as the pin-service would: the envelope as JSON with its headers, keyed by contract. */
public final class PinTopic {

    /** The last sequence published per contract: each contract's events form one stream. */
    private static final Map<String, Long> SEQUENCES = new ConcurrentHashMap<>();

    private PinTopic() {
    }

    /** The next event of the contract's stream; answers its event id. */
    public static UUID publish(PinEvent event, Instant occurredAt) {
        return publish(event, SEQUENCES.merge(event.contractId(), 1L, Long::sum), occurredAt);
    }

    /** With the sequence and the event time of the pin-service instance that appended it. */
    public static UUID publish(PinEvent event, long sequence, Instant occurredAt) {
        SEQUENCES.merge(event.contractId(), sequence, Math::max);
        EventEnvelope<PinEvent> envelope = EventEnvelope.of(UUID.randomUUID(), sequence, occurredAt, event);
        TopicWriter.publish(event.contractId(), envelope);
        return envelope.id();
    }
}
