package com.networkpin.eventstore.outbox;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A cluster short of in-sync replicas or between leaders is a failure to wait out: the rows stay and the
 * relay backs off. Only a refusal for good parks a row.
 */
class KafkaRefusalsTest {

    private static final List<RuntimeException> REPLICATION_FAILURES = List.of(
            new NotEnoughReplicasException("fewer in-sync replicas than required"),
            new NotEnoughReplicasAfterAppendException("written to fewer in-sync replicas than required"),
            new LeaderNotAvailableException("no leader"),
            new NotLeaderOrFollowerException("not the leader"),
            new TimeoutException("expired"));

    private final KafkaRefusals refusals = new KafkaRefusals(null); // the topics are asked only after a time-out at send

    @Test
    void givenTooFewInSyncReplicasOrNoLeader_whenAnAcknowledgementFails_thenTheRowWaits() {
        REPLICATION_FAILURES.forEach(failure -> assertNull(refusals.atAcknowledgement(failure), failure.toString()));
    }

    @Test
    void givenTooFewInSyncReplicasOrNoLeader_whenASendFails_thenTheRowWaits() {
        REPLICATION_FAILURES.stream().filter(failure -> !(failure instanceof TimeoutException))
                .forEach(failure -> assertNull(refusals.atSend(failure, "pin-events"), failure.toString()));
    }

    @Test
    void givenARecordTooLarge_whenItsAcknowledgementFails_thenTheRowIsRefusedForGood() {
        assertNotNull(refusals.atAcknowledgement(new RecordTooLargeException("too large")));
    }
}
