package com.networkpin.system;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.testinfra.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How often each event id appears on a topic, among the records a filter selects: what a new
 * downstream consumer would receive. Reads from the start until every expected id is there or
 * the timeout passed.
 */
final class TopicCount {

    private final Map<UUID, Integer> copies;
    private final Map<UUID, String> types;
    private final Map<String, List<UUID>> orderByKey;

    private TopicCount(Map<UUID, Integer> copies, Map<UUID, String> types, Map<String, List<UUID>> orderByKey) {
        this.copies = copies;
        this.types = types;
        this.orderByKey = orderByKey;
    }

    static TopicCount await(String topic, Predicate<ConsumerRecord<String, String>> filter,
                            Collection<UUID> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(2).toNanos()));
            List<ConsumerRecord<String, String>> records = TopicReader.read(topic, filter, expected.size(), left);
            Map<UUID, Integer> copies = new HashMap<>();
            Map<UUID, String> types = new HashMap<>();
            Map<String, List<UUID>> orderByKey = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope<DomainEvent> envelope = EventJson.read(record.value());
                if (copies.merge(envelope.id(), 1, Integer::sum) == 1) {
                    orderByKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(envelope.id());
                }
                types.put(envelope.id(), envelope.type());
            }
            TopicCount count = new TopicCount(copies, types, orderByKey);
            if (count.lost(expected).isEmpty() || System.nanoTime() > deadline) {
                return count;
            }
        }
    }

    /** Expected ids that are not on the topic. */
    Set<UUID> lost(Collection<UUID> expected) {
        Set<UUID> lost = new HashSet<>(expected);
        lost.removeAll(copies.keySet());
        return lost;
    }

    /** Ids on the topic that nobody expected. */
    Set<UUID> unexpected(Collection<UUID> expected) {
        Set<UUID> unexpected = new HashSet<>(copies.keySet());
        unexpected.removeAll(expected);
        return unexpected;
    }

    /**
     * Whether a key's events are on the topic in the order given (a key's records share one partition, read
     * in offset order; a redelivered copy counts where it first appeared): those of {@code inOrder} that
     * are on the topic, and nothing else of the key between them.
     */
    boolean inOrder(String key, List<UUID> inOrder) {
        List<UUID> onTopic = orderByKey.getOrDefault(key, List.of());
        return onTopic.equals(inOrder.stream().filter(copies::containsKey).toList());
    }

    int distinct() {
        return copies.size();
    }

    int records() {
        return copies.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Extra copies of ids seen more than once (at-least-once delivery allows them). */
    int duplicated() {
        return records() - distinct();
    }

    /** Distinct events by type. */
    Map<String, Long> distinctByType() {
        return types.values().stream().collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
    }
}
