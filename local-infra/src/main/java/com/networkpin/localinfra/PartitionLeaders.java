package com.networkpin.localinfra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** Who leads each partition of a topic and which replicas are in sync, as the cluster's metadata says now. */
public final class PartitionLeaders {

    private static final int TIMEOUT_MILLIS = 5_000;

    /** One partition: its leader's node id (-1 while it has none) and the ids of its in-sync replicas. */
    public record Partition(int leader, List<Integer> inSync) {
    }

    private PartitionLeaders() {
    }

    /** Every partition of the topic, by partition number. */
    public static Map<Integer, Partition> describe(KafkaServer kafka, String topic) {
        return describe(kafka.adminConfig(), topic);
    }

    /** As {@link #describe(KafkaServer, String)}, with an administrator's client settings (another process's cluster). */
    public static Map<Integer, Partition> describe(Map<String, Object> adminConfig, String topic) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        try (Admin admin = Admin.create(config)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(topic);
            Map<Integer, Partition> partitions = new TreeMap<>();
            for (TopicPartitionInfo partition : description.partitions()) {
                Node leader = partition.leader();
                partitions.put(partition.partition(), new Partition(leader == null || leader.isEmpty() ? -1 : leader.id(),
                        partition.isr().stream().map(Node::id).sorted().toList()));
            }
            return partitions;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("describing topic " + topic + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        }
    }

    /** The leader of each partition, by partition number, -1 where it has none: for a status line. */
    public static Map<Integer, Integer> leaders(KafkaServer kafka, String topic) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        describe(kafka, topic).forEach((partition, state) -> leaders.put(partition, state.leader()));
        return leaders;
    }
}
