package com.networkpin.eventstore.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Topics the system creates: three copies and min.insync.replicas=2 on a cluster of three brokers or more. */
class TopicReplicationTest {

    private static final short AUTOMATIC = -1;

    @Test
    void givenThreeBrokersOrMore_whenTheFactorIsAutomatic_thenThreeCopiesAndTwoInSync() {
        assertEquals(new TopicReplication((short) 3, Map.of("min.insync.replicas", "2")), TopicReplication.of(AUTOMATIC, 3));
        assertEquals(new TopicReplication((short) 3, Map.of("min.insync.replicas", "2")), TopicReplication.of(AUTOMATIC, 5));
    }

    @Test
    void givenFewerBrokers_whenTheFactorIsAutomatic_thenOneCopyPerBrokerAndTheBrokersMinInsync() {
        assertEquals(new TopicReplication((short) 1, Map.of()), TopicReplication.of(AUTOMATIC, 1));
        assertEquals(new TopicReplication((short) 2, Map.of()), TopicReplication.of(AUTOMATIC, 2));
    }

    @Test
    void givenAConfiguredFactor_whenTopicsAreCreated_thenItIsUsed() {
        assertEquals(new TopicReplication((short) 3, Map.of("min.insync.replicas", "2")), TopicReplication.of((short) 3, 0));
        assertEquals(new TopicReplication((short) 1, Map.of()), TopicReplication.of((short) 1, 3));
    }
}
