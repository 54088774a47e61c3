package com.networkpin.eventstore.outbox;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic the system creates is replicated: by the configured factor, or else three copies where
 * the cluster has three brokers or more (one per broker on a smaller one); with three copies or more,
 * {@code min.insync.replicas=2}, so that an event acknowledged with {@code acks=all} is on two brokers
 * and a single broker's loss loses nothing. Below three copies the brokers' own default applies.
 */
record TopicReplication(short factor, Map<String, String> configs) {

    static final short PRODUCTION_FACTOR = 3;
    static final int MIN_INSYNC_REPLICAS = 2;

    /** @param configured the configured factor, -1 for automatic; @param brokers the brokers the cluster has */
    static TopicReplication of(short configured, int brokers) {
        short factor = configured > 0 ? configured : (short) Math.max(1, Math.min(PRODUCTION_FACTOR, brokers));
        return new TopicReplication(factor, factor >= PRODUCTION_FACTOR
                ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(MIN_INSYNC_REPLICAS))
                : Map.of());
    }

    @Override
    public String toString() {
        return "replication factor " + factor + configs.getOrDefault(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "")
                .transform(minIsr -> minIsr.isEmpty() ? "" : ", min.insync.replicas " + minIsr);
    }
}
