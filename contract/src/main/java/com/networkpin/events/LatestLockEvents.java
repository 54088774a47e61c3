package com.networkpin.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per contract, the newest (by stream sequence) of its {@link Locked}, {@link Unlocked} and
 * {@link PinReset} events among the PIN topic's records: all a lock projection's rebuild needs, so its
 * memory grows with the contracts, not with the topic. The stream's order decides, never the record
 * order or the event times (two pin-service instances' clocks may disagree).
 */
public final class LatestLockEvents {

    private final Map<String, EventEnvelope<DomainEvent>> byContract = new HashMap<>();
    private long records;

    /** One record's value; an unreadable one changes no lock (the live consumers dead-lettered it). */
    public void add(String value) {
        records++;
        EventEnvelope<DomainEvent> envelope;
        try {
            envelope = EventJson.read(value);
        } catch (RuntimeException unreadable) {
            return;
        }
        DomainEvent event = envelope.data();
        if (event instanceof Locked || event instanceof Unlocked || event instanceof PinReset) {
            byContract.merge(((PinEvent) event).contractId(), envelope,
                    (known, later) -> later.sequence() > known.sequence() ? later : known);
        }
    }

    /** How many records were read, lock events or not. */
    public long records() {
        return records;
    }

    /** The newest lock event of every contract that has one. */
    public List<EventEnvelope<DomainEvent>> latest() {
        return List.copyOf(byContract.values());
    }
}
