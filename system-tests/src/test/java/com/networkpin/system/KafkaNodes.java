package com.networkpin.system;

import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KafkaCluster;
import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.PartitionLeaders;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The tests' three-node Kafka cluster ({@value Infrastructure#HA_KAFKA}=true) and the states of a topic's partitions. */
final class KafkaNodes {

    private static final Duration IN_SYNC_TIMEOUT = Duration.ofSeconds(90);

    private KafkaNodes() {
    }

    /** The shared cluster: these tests run in the build's kafka-cluster execution, which sets the property. */
    static KafkaCluster cluster() {
        KafkaServer kafka = Infrastructure.get().kafka();
        if (!(kafka instanceof KafkaCluster cluster)) {
            throw new IllegalStateException("this test needs the three-node Kafka cluster: run it with -D"
                    + Infrastructure.HA_KAFKA + "=true (the system-tests kafka-cluster execution sets it)");
        }
        return cluster;
    }

    /** Every node running and in the ISR of every partition of the topic, as a fault test starts. */
    static void awaitAllInSync(KafkaCluster cluster, String topic) throws InterruptedException {
        for (int node : cluster.nodeIds()) {
            if (!cluster.running(node)) {
                cluster.startNode(node);
            }
        }
        long deadline = System.nanoTime() + IN_SYNC_TIMEOUT.toNanos();
        while (!PartitionLeaders.describe(cluster, topic).values().stream()
                .allMatch(partition -> partition.inSync().size() == KafkaCluster.NODES)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every replica of " + topic + " in sync after " + IN_SYNC_TIMEOUT
                        + ": " + PartitionLeaders.describe(cluster, topic));
            }
            Thread.sleep(250);
        }
    }

    /** The node that leads the most partitions of the topic. */
    static int busiestLeader(KafkaCluster cluster, String topic) {
        Map<Integer, Integer> leaders = cluster.leaders(topic);
        return cluster.nodeIds().stream().max(Comparator.comparingLong(node ->
                leaders.values().stream().filter(node::equals).count())).orElseThrow();
    }

    /** The partitions a node leads. */
    static List<Integer> ledBy(KafkaCluster cluster, String topic, int node) {
        return cluster.leaders(topic).entrySet().stream().filter(entry -> entry.getValue() == node)
                .map(Map.Entry::getKey).toList();
    }
}
