package com.networkpin.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in a child JVM ({@link KafkaNode}): every replication factor and
 * {@code min.insync.replicas} is 1, since a single node cannot replicate.
 *
 * <p>Clients authenticate with SASL/SCRAM-SHA-512 and are authorised by ACLs: the principals and ACLs of
 * {@link KafkaAccess} are provisioned by the administrator at every start.
 *
 * <p>Ports and log directory are chosen once, so {@link #stop()} then {@link #start()} brings
 * the broker back on the same address with the data it had.
 */
public final class EmbeddedKafkaServer implements KafkaServer {

    /** Written once the storage was formatted with the administrator's credential. */
    private static final String AUTHENTICATING_STORAGE = "authenticating-storage";

    private final Path dataDirectory;
    private final KafkaNode node;
    private final KafkaNode.Defaults defaults;
    private String clusterId;

    /**
     * @param dataDirectory holds the logs, the config and broker.log; kept between runs
     * @param partitions    of auto-created topics
     */
    public EmbeddedKafkaServer(Path dataDirectory, int partitions) {
        this(dataDirectory, partitions, 0, true, false);
    }

    /** @param brokerPort a fixed client port for a long-running local broker; 0 for any free one */
    public EmbeddedKafkaServer(Path dataDirectory, int partitions, int brokerPort) {
        this(dataDirectory, partitions, brokerPort, true, false);
    }

    private EmbeddedKafkaServer(Path dataDirectory, int partitions, int brokerPort, boolean autoCreateTopics,
                                boolean temporary) {
        this.dataDirectory = dataDirectory;
        this.node = new KafkaNode(1, dataDirectory, brokerPort);
        this.defaults = new KafkaNode.Defaults(1, 1, partitions, autoCreateTopics);
        this.clusterId = node.storedClusterId().orElseGet(() -> Uuid.randomUuid().toString());
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
        return new EmbeddedKafkaServer(TemporaryDirectory.create("kafka"), partitions, 0, true, true);
    }

    /**
     * A temporary broker that creates no topic on first use ({@code auto.create.topics.enable=false}, as
     * production brokers usually run): a write to a topic nobody created fails instead of creating it.
     */
    public static EmbeddedKafkaServer temporaryWithoutAutoCreate(int partitions) {
        return new EmbeddedKafkaServer(TemporaryDirectory.create("kafka-no-auto-create"), partitions, 0, false, true);
    }

    @Override
    public synchronized void start() {
        if (node.running()) {
            return;
        }
        forgetStorageWithoutAdministrator();
        node.launch(node.voter(), clusterId, defaults);
        try {
            node.awaitReady();
            Files.writeString(dataDirectory.resolve(AUTHENTICATING_STORAGE), KafkaAccess.ADMIN);
            try (Admin admin = Admin.create(clientConfig(KafkaAccess.ADMIN))) {
                KafkaAccess.provision(admin);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Logs kept by a broker that authenticated nobody hold no administrator, and only a format
     * creates one: such logs (a local stack's, from before) are deleted, so the broker starts empty.
     */
    private void forgetStorageWithoutAdministrator() {
        Path logs = dataDirectory.resolve("logs");
        if (Files.exists(logs) && !Files.exists(dataDirectory.resolve(AUTHENTICATING_STORAGE))) {
            System.out.println("Kafka: " + logs + " comes from a broker without authentication; starting with empty topics");
            TemporaryDirectory.delete(logs);
            clusterId = Uuid.randomUuid().toString();
        }
    }

    /** Graceful first, so the restarted broker finds clean logs; forcibly if that hangs. */
    @Override
    public synchronized void stop() {
        node.stop();
    }

    @Override
    public String bootstrapServers() {
        return node.address();
    }
}
