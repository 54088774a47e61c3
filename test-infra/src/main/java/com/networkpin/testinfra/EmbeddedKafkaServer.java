package com.networkpin.testinfra;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in a child JVM (BrokerMain of kafka-broker). A child JVM,
 * because the broker's Scala and Jackson versions clash with the Quarkus ones.
 *
 * <p>Ports and log directory are chosen once, so {@link #stop()} then {@link #start()} brings
 * the broker back on the same address with the data it had.
 */
public final class EmbeddedKafkaServer implements KafkaServer {

    private static final long GRACEFUL_STOP_SECONDS = 20;

    private final Path dataDirectory;
    private final int partitions;
    private final int brokerPort;
    private final int controllerPort = FreePort.find();
    private final String clusterId;
    private Process broker;

    /**
     * @param dataDirectory holds the logs, the config and broker.log; kept between runs
     * @param partitions    of auto-created topics
     */
    public EmbeddedKafkaServer(Path dataDirectory, int partitions) {
        this(dataDirectory, partitions, 0, false);
    }

    /** @param brokerPort a fixed client port for a long-running local broker; 0 for any free one */
    public EmbeddedKafkaServer(Path dataDirectory, int partitions, int brokerPort) {
        this(dataDirectory, partitions, brokerPort, false);
    }

    private EmbeddedKafkaServer(Path dataDirectory, int partitions, int brokerPort, boolean temporary) {
        this.dataDirectory = dataDirectory;
        this.partitions = partitions;
        this.brokerPort = brokerPort == 0 ? FreePort.find() : brokerPort;
        this.clusterId = clusterIdOf(dataDirectory.resolve("logs"));
        // The child would exit on its own when our JVM dies, but only after we are gone:
        // stopping it here leaves no broker behind once the test JVM has exited.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            if (temporary) {
                TemporaryDirectory.delete(dataDirectory);
            }
        }, "embedded-kafka-stop"));
    }

    /** A broker whose data lives in a fresh directory, deleted at JVM exit. */
    public static EmbeddedKafkaServer temporary(int partitions) {
        return new EmbeddedKafkaServer(TemporaryDirectory.create("kafka"), partitions, 0, true);
    }

    @Override
    public synchronized void start() {
        if (broker != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            Path config = writeConfig();
            broker = launch(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        }
        try {
            BrokerReadiness.await(broker, bootstrapServers(), dataDirectory.resolve("broker.log"));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Graceful first, so the restarted broker finds clean logs; forcibly if that hangs. */
    @Override
    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        try {
            // Closing its stdin is BrokerMain's signal to exit (Kafka's own shutdown hook runs).
            broker.getOutputStream().close();
            if (!broker.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            broker.destroyForcibly();
        } catch (InterruptedException e) {
            broker.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            broker = null;
        }
    }

    /** A kept log directory belongs to a cluster: the broker refuses to start under another id. */
    private static String clusterIdOf(Path logs) {
        Path meta = logs.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(meta)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + meta, e);
            }
            return properties.getProperty("cluster.id");
        }
        return Uuid.randomUuid().toString();
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    private Process launch(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java,
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + dataDirectory,
                "-cp", BrokerClasspath.resolve(),
                "com.networkpin.kafkabroker.BrokerMain", config.toString(), clusterId);
        File log = dataDirectory.resolve("broker.log").toFile();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)) // keeps the test output readable
                .start();
    }

    private Path writeConfig() throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.setProperty("listeners",
                "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("log.dirs", dataDirectory.resolve("logs").toString());
        // A single node cannot replicate: every replication factor and min ISR is 1.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("default.replication.factor", "1");
        config.setProperty("min.insync.replicas", "1");
        // Consumers join at once instead of waiting 3 s for more members.
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("num.partitions", Integer.toString(partitions));
        Path file = dataDirectory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, "Single-node KRaft broker for tests");
        }
        return file;
    }
}
