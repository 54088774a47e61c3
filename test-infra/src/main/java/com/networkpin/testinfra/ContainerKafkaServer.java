package com.networkpin.testinfra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a Docker container. {@link #stop()} pauses the container rather than stopping it:
 * a stopped container would come back on another mapped port, a paused one keeps its address
 * and its data, which is what the fault tests expect.
 */
public final class ContainerKafkaServer implements KafkaServer {

    private static final String IMAGE = System.getProperty("networkpin.infra.kafka-image", "apache/kafka:4.2.1");

    private final KafkaContainer container;
    private boolean paused;

    public ContainerKafkaServer(int partitions) {
        container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(partitions))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        // Ryuk would remove it too, but not where Ryuk is disabled.
        Runtime.getRuntime().addShutdownHook(new Thread(this::terminate, "container-kafka-stop"));
    }

    @Override
    public synchronized void start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        } else if (!container.isRunning()) {
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (container.isRunning() && !paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    private synchronized void terminate() {
        container.stop();
        paused = false;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }
}
