package com.networkpin.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in a child JVM (BrokerMain of kafka-broker). A child JVM,
 * because the broker's Scala and Jackson versions clash with the Quarkus ones.
 *
 * <p>Clients authenticate with SASL/SCRAM-SHA-512 and are authorised by ACLs (StandardAuthorizer,
 * nothing allowed without an ACL): the principals and ACLs of {@link KafkaAccess} are provisioned
 * by the administrator at every start.
 *
 * <p>Ports and log directory are chosen once, so {@link #stop()} then {@link #start()} brings
 * the broker back on the same address with the data it had.
 */
public final class EmbeddedKafkaServer implements KafkaServer {

    private static final long GRACEFUL_STOP_SECONDS = 20;
    /** Written once the storage was formatted with the administrator's credential. */
    private static final String AUTHENTICATING_STORAGE = "authenticating-storage";

    private final Path dataDirectory;
    private final int partitions;
    private final boolean autoCreateTopics;
    private final int brokerPort;
    private final int controllerPort = FreePort.find();
    private String clusterId;
    private Process broker;

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
        this.partitions = partitions;
        this.autoCreateTopics = autoCreateTopics;
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
        if (broker != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            forgetStorageWithoutAdministrator();
            Path config = writeConfig();
            broker = launch(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        }
        try {
            BrokerReadiness.await(broker, clientConfig(KafkaAccess.ADMIN), dataDirectory.resolve("broker.log"));
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
                "com.networkpin.kafkabroker.BrokerMain", config.toString(), clusterId,
                KafkaAccess.adminStorageCredential());
        File log = dataDirectory.resolve("broker.log").toFile();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)) // keeps the test output readable
                .start();
    }

    /**
     * Clients: SCRAM-SHA-512, whose users live in the cluster metadata. The controller listener
     * cannot use SCRAM (the metadata is what it serves), so the node talks to its own controller
     * with PLAIN as the administrator, a user known only to the broker's configuration.
     */
    private static void authentication(Properties config) {
        String admin = KafkaAccess.ADMIN;
        String password = KafkaAccess.devPassword(admin);
        config.setProperty("sasl.enabled.mechanisms", KafkaAccess.MECHANISM.mechanismName());
        config.setProperty("sasl.mechanism.inter.broker.protocol", KafkaAccess.MECHANISM.mechanismName());
        config.setProperty("listener.name.client." + KafkaAccess.MECHANISM.mechanismName().toLowerCase(Locale.ROOT)
                + ".sasl.jaas.config", KafkaAccess.jaasConfig(admin, password));
        config.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        config.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                        + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";");
        config.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.setProperty("allow.everyone.if.no.acl.found", "false");
        config.setProperty("super.users", "User:" + admin);
    }

    private Path writeConfig() throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.setProperty("listeners",
                "CLIENT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "CLIENT://localhost:" + brokerPort);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.setProperty("inter.broker.listener.name", "CLIENT");
        authentication(config);
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
        config.setProperty("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        config.setProperty("num.partitions", Integer.toString(partitions));
        Path file = dataDirectory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, "Single-node KRaft broker for tests");
        }
        return file;
    }
}
