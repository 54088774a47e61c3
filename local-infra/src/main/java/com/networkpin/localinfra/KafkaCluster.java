package com.networkpin.localinfra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * Three KRaft nodes, each broker and controller ({@link KafkaNode}, child JVMs), as a production cluster
 * runs: a quorum of three controller voters; internal and auto-created topics with replication factor 3
 * and {@code min.insync.replicas=2}; {@code unclean.leader.election.enable=false}, so that only a replica
 * holding every acknowledged record becomes leader. SASL/SCRAM and the ACLs of {@link KafkaAccess} as on
 * the single broker.
 *
 * <p>Clients bootstrap from all three nodes. A node can be killed as {@code kill -9} does ({@link #kill(int)})
 * or stopped gracefully ({@link #stopNode(int)}), and started again ({@link #startNode(int)}) on the same
 * ports with the data it had.
 */
public final class KafkaCluster implements KafkaServer {

    /** Nodes, controller voters and the replication factor of every topic. */
    public static final int NODES = 3;
    public static final int MIN_INSYNC_REPLICAS = 2;

    private final List<KafkaNode> nodes = new ArrayList<>();
    private final KafkaNode.Defaults defaults;
    private final String voters;
    private final String clusterId;

    /**
     * @param dataDirectory holds each node's directory (node-1 …); kept between runs
     * @param partitions    of auto-created topics
     * @param clientPorts   the nodes' client ports, one per node, 0 for any free one
     */
    public KafkaCluster(Path dataDirectory, int partitions, int... clientPorts) {
        this(dataDirectory, partitions, false, clientPorts);
    }

    private KafkaCluster(Path dataDirectory, int partitions, boolean temporary, int... clientPorts) {
        if (clientPorts.length != NODES) {
            throw new IllegalArgumentException("a cluster of " + NODES + " nodes needs " + NODES + " client ports");
        }
        for (int id = 1; id <= NODES; id++) {
            nodes.add(new KafkaNode(id, dataDirectory.resolve("node-" + id), clientPorts[id - 1]));
        }
        this.defaults = new KafkaNode.Defaults(NODES, MIN_INSYNC_REPLICAS, partitions, true);
        this.voters = nodes.stream().map(KafkaNode::voter).collect(Collectors.joining(","));
        this.clusterId = nodes.get(0).storedClusterId().orElseGet(() -> Uuid.randomUuid().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (temporary) {
                nodes.forEach(KafkaNode::kill); // the data goes anyway: no controlled shutdown to wait for
                TemporaryDirectory.delete(dataDirectory);
            } else {
                stop();
            }
        }, "kafka-cluster-stop"));
    }

    /** A cluster whose data lives in a fresh directory, deleted at JVM exit. */
    public static KafkaCluster temporary(int partitions) {
        return new KafkaCluster(TemporaryDirectory.create("kafka-cluster"), partitions, true, 0, 0, 0);
    }

    /** Starts every node that is not running, waits until each answers, then provisions principals and ACLs. */
    @Override
    public synchronized void start() {
        List<KafkaNode> starting = nodes.stream().filter(node -> !node.running()).toList();
        // Together: a node's controller waits for a majority of voters before its broker can register.
        starting.forEach(node -> node.launch(voters, clusterId, defaults));
        try {
            awaitInParallel(starting);
            try (Admin admin = Admin.create(adminConfig())) {
                KafkaAccess.provision(admin);
            }
        } catch (RuntimeException e) {
            starting.forEach(KafkaNode::stop);
            throw e;
        }
    }

    /** Stops every node gracefully, all at once (one by one, the last would wait for a quorum that is gone). */
    @Override
    public void stop() {
        CompletableFuture.allOf(nodes.stream()
                .map(node -> CompletableFuture.runAsync(node::stop, task -> new Thread(task, "stop-kafka-" + node.id()).start()))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Every node's client address: clients find the cluster through any node that answers. */
    @Override
    public String bootstrapServers() {
        return nodes.stream().map(KafkaNode::address).collect(Collectors.joining(","));
    }

    public List<Integer> nodeIds() {
        return nodes.stream().map(KafkaNode::id).toList();
    }

    public boolean running(int nodeId) {
        return node(nodeId).running();
    }

    /** The node's process is destroyed forcibly, as {@code kill -9} does: no controlled shutdown. */
    public void kill(int nodeId) {
        node(nodeId).kill();
    }

    /** A controlled shutdown: the controller moves its leaderships and takes it out of every ISR first. */
    public void stopNode(int nodeId) {
        node(nodeId).stop();
    }

    /** Starts a node that was killed or stopped, on its ports and with its data, and waits until it answers. */
    public void startNode(int nodeId) {
        KafkaNode node = node(nodeId);
        node.launch(voters, clusterId, defaults);
        node.awaitReady();
    }

    /** The leader of each partition of a topic by partition number, -1 where it has none. */
    public Map<Integer, Integer> leaders(String topic) {
        return PartitionLeaders.leaders(this, topic);
    }

    private KafkaNode node(int nodeId) {
        return nodes.stream().filter(node -> node.id() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + nodeId + " in " + nodeIds()));
    }

    private static void awaitInParallel(List<KafkaNode> starting) {
        try {
            CompletableFuture.allOf(starting.stream()
                    .map(node -> CompletableFuture.runAsync(node::awaitReady,
                            task -> new Thread(task, "await-kafka-" + node.id()).start()))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
