package com.networkpin.localinfra;

import java.util.Map;

/** A running Kafka broker, or cluster of brokers, that tests may stop and start again. */
public interface KafkaServer {

    void start();

    /**
     * Takes the broker (every broker of a cluster) away. A later {@link #start()} brings it back on the
     * same address with the same data, so fault tests can check what survives an outage.
     */
    void stop();

    default void restart() {
        stop();
        start();
    }

    String bootstrapServers();

    /** The settings of a client authenticated as {@code principal} with its development password. */
    default Map<String, Object> clientConfig(String principal) {
        return KafkaAccess.clientConfig(bootstrapServers(), principal, KafkaAccess.devPassword(principal));
    }

    /** The settings of a client authenticated as the administrator, who may read and write everything. */
    default Map<String, Object> adminConfig() {
        return clientConfig(KafkaAccess.ADMIN);
    }
}
