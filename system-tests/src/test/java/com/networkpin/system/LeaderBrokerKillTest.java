package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F15: on the three-node cluster (replication factor 3, min.insync.replicas=2, acks=all, idempotent relay,
 * no unclean election), the node that leads most of the PIN topic's partitions is killed (kill -9) under a
 * steady stream of verifications. Another in-sync replica takes over once the controller fences the dead
 * node ({@code broker.session.timeout.ms}, 9 s); the relay keeps its rows meanwhile. Checked from the
 * clients' answers outwards ({@link Reconciliation}): every event the pin-service recorded is on the topic,
 * each contract's in stream order, nothing on the topic that was never recorded, and both projections
 * agree with the pin-service (no double effect). The produce outage is the longest time the killed
 * leader's partitions went without a new acknowledged record.
 */
@Tag("kafka-cluster")
@ExtendWith(RunningSystem.class)
class LeaderBrokerKillTest {

    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration DOWN = Duration.ofSeconds(25);
    private static final Duration AFTER = Duration.ofSeconds(5);
    private static final Duration MOST_OUTAGE = Duration.ofSeconds(30);

    @Test
    @DisplayName("F15: kill -9 of the PIN topic's leader broker loses no acknowledged event and keeps per-key order")
    void killingTheLeaderBrokerLosesNothingAcknowledged() throws Exception {
        KafkaCluster cluster = KafkaNodes.cluster();
        KafkaNodes.awaitAllInSync(cluster, Topics.PIN_EVENTS);
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        PinTraffic traffic = new PinTraffic(pin, "F15", 3);
        List<ContractLog> contracts;
        int killed;
        List<Integer> ledPartitions;
        Map<Integer, Long> gaps;
        int acceptedWhileDown;
        try (TopicGaps watch = new TopicGaps(cluster, Topics.PIN_EVENTS)) {
            traffic.start();
            try {
                Thread.sleep(BEFORE.toMillis());
                killed = KafkaNodes.busiestLeader(cluster, Topics.PIN_EVENTS);
                ledPartitions = KafkaNodes.ledBy(cluster, Topics.PIN_EVENTS, killed);
                int acceptedBefore = traffic.counts().accepted();
                cluster.kill(killed);
                try {
                    Thread.sleep(DOWN.toMillis());
                    acceptedWhileDown = traffic.counts().accepted() - acceptedBefore;
                } finally {
                    cluster.startNode(killed);
                }
                Thread.sleep(AFTER.toMillis());
            } finally {
                contracts = traffic.stop();
            }
            gaps = watch.longestGapsMillis();
        }
        long produceOutage = ledPartitions.stream().mapToLong(gaps::get).max().orElseThrow();

        FaultFigures figures = new FaultFigures("F15 kill -9 of the leader broker of the PIN topic (3 nodes, RF 3, "
                + "min ISR 2, acks=all)");
        Reconciliation result = new Reconciliation(pin, figures.put("killedNode", killed)
                .put("itsPartitions", ledPartitions).put("downMs", DOWN.toMillis())
                .put("produceOutageMs", produceOutage).put("acceptedWhileDown", acceptedWhileDown)).check(contracts);
        figures.print();
        KafkaNodes.awaitAllInSync(cluster, Topics.PIN_EVENTS);

        assertTrue(acceptedWhileDown > 0, "the pin-service kept answering while the leader was gone");
        result.assertNothingLostReorderedOrDoubled();
        assertTrue(produceOutage < MOST_OUTAGE.toMillis(), "the other replicas took over within " + MOST_OUTAGE
                + ": " + produceOutage + " ms");
    }
}
