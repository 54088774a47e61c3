package com.networkpin.testinfra;

/** A running Kafka broker, embedded or in a container, that tests may stop and start again. */
public interface KafkaServer {

    void start();

    /**
     * Takes the broker away. A later {@link #start()} brings it back on the same address with
     * the same data, so fault tests can check what survives an outage.
     */
    void stop();

    default void restart() {
        stop();
        start();
    }

    String bootstrapServers();
}
