package com.networkpin.eventstore.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static final LocalDate DATE = LocalDate.of(2031, 1, 7);
    private static final Instant MIDNIGHT = Instant.parse("2031-01-06T15:00:00Z");
    private static final EventEnvelope<DomainEvent> MIDNIGHT_UNLOCK = EventEnvelope.of(MidnightUnlock.eventIdFor(DATE), 1,
            MIDNIGHT, new MidnightUnlock(DATE, MIDNIGHT, 1, MIDNIGHT));

    @Test
    void anEventOnItsTopicFromItsOwnerIsTrusted() {
        assertEquals(Optional.empty(), Provenance.problem(MIDNIGHT_UNLOCK,
                record(Topics.MIDNIGHT_UNLOCKS, "/network-pin/lock-scheduler")));
    }

    @Test
    void anEventFromAnotherSourceIsNot() {
        assertEquals(Optional.of("MidnightUnlock must come from /network-pin/lock-scheduler, but its ce_source is "
                + "/network-pin/pin-service"), Provenance.problem(MIDNIGHT_UNLOCK,
                record(Topics.MIDNIGHT_UNLOCKS, "/network-pin/pin-service")));
    }

    @Test
    void anEventWithoutASourceIsNot() {
        assertEquals(Optional.of("MidnightUnlock must come from /network-pin/lock-scheduler, but its ce_source is missing"),
                Provenance.problem(MIDNIGHT_UNLOCK, record(Topics.MIDNIGHT_UNLOCKS, null)));
    }

    @Test
    void anEventOnAnotherServicesTopicIsNotEvenWithTheRightSource() {
        assertEquals(Optional.of("MidnightUnlock is published on midnight-unlocks, not on reservation-events"),
                Provenance.problem(MIDNIGHT_UNLOCK, record(Topics.RESERVATION_EVENTS, "/network-pin/lock-scheduler")));
    }

    private static IncomingRecord record(String topic, String source) {
        return new IncomingRecord(topic, 0, 0, "2031-01-07", "{}", source, null);
    }
}
