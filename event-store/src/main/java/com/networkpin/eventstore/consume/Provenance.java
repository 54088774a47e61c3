package com.networkpin.eventstore.consume;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventType;
import java.util.Optional;

/**
 * What a consumer can check of who published an event, beside the brokers' ACLs: the event came on
 * its type's topic and names that topic's owner as its CloudEvents source. A {@code MidnightUnlock}
 * not from the lock-scheduler or an {@code IdentityVerified} not from the reservation-service is
 * never applied.
 */
final class Provenance {

    private Provenance() {
    }

    /** Why the record cannot be trusted to carry {@code envelope}; empty when it can. */
    static Optional<String> problem(EventEnvelope<DomainEvent> envelope, IncomingRecord record) {
        EventType type = EventType.of(envelope.data().getClass());
        if (!type.topic().equals(record.topic())) {
            return Optional.of(type.typeName() + " is published on " + type.topic() + ", not on " + record.topic());
        }
        String expected = CloudEventHeaders.sourceOf(type);
        if (!expected.equals(record.source())) {
            return Optional.of(type.typeName() + " must come from " + expected + ", but its "
                    + CloudEventHeaders.SOURCE + " is " + (record.source() == null ? "missing" : record.source()));
        }
        return Optional.empty();
    }
}
