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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One KRaft node ({@code process.roles=broker,controller}) in a child JVM (BrokerMain of kafka-broker): a
 * child JVM, because the broker's Scala and Jackson versions clash with the Quarkus ones. Ports and
 * directory are fixed at construction, so a node stopped or killed comes back on the same address with
 * the data it had.
 *
 * <p>Clients authenticate with SASL/SCRAM-SHA-512 on the CLIENT listener (which the brokers also
 * replicate over, as the administrator) and are authorised by ACLs (StandardAuthorizer, nothing allowed
 * without an ACL). The controller listener cannot use SCRAM (the metadata is what it serves): nodes talk
 * to the controllers with PLAIN as the administrator, a user known only to the nodes' configuration.
 */
final class KafkaNode {

    private static final long GRACEFUL_STOP_SECONDS = 20;

    /**
     * The cluster-wide defaults a node is configured with: replication factor of the internal and
     * auto-created topics, their {@code min.insync.replicas}, partitions of an auto-created topic, and
     * whether a topic is created on first use.
     */
    record Defaults(int replicationFactor, int minInsyncReplicas, int partitions, boolean autoCreateTopics) {
    }

    private final int id;
    private final Path directory;
    private final int clientPort;
    private final int controllerPort;
    private Process process;

    /** @param clientPort 0 for any free port */
    KafkaNode(int id, Path directory, int clientPort) {
        this.id = id;
        this.directory = directory;
        this.clientPort = clientPort == 0 ? FreePort.find() : clientPort;
        this.controllerPort = FreePort.find();
    }

    int id() {
        return id;
    }

    /** The client address, {@code localhost:<port>}. */
    String address() {
        return "localhost:" + clientPort;
    }

    /** This node as an entry of {@code controller.quorum.voters}. */
    String voter() {
        return id + "@localhost:" + controllerPort;
    }

    Path directory() {
        return directory;
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The cluster id its kept logs belong to: a broker refuses to start under another. */
    Optional<String> storedClusterId() {
        Path meta = directory.resolve("logs").resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    /** Formats the storage when new and launches the node; {@link #awaitReady()} waits for it. */
    synchronized void launch(String voters, String clusterId, Defaults defaults) {
        if (running()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path config = writeConfig(voters, defaults);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java,
                    "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.io.tmpdir=" + directory,
                    "-cp", BrokerClasspath.resolve(),
                    "com.networkpin.kafkabroker.BrokerMain", config.toString(), clusterId,
                    KafkaAccess.adminStorageCredential());
            File log = directory.resolve("broker.log").toFile();
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)) // keeps the test output readable
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka node " + id, e);
        }
    }

    /** Until the node answers an administrator's {@code describeCluster} on its client port. */
    void awaitReady() {
        Process launched;
        synchronized (this) {
            launched = process;
        }
        if (launched == null) {
            throw new IllegalStateException("Kafka node " + id + " was not launched");
        }
        BrokerReadiness.await(launched, KafkaAccess.clientConfig(address(), KafkaAccess.ADMIN,
                KafkaAccess.devPassword(KafkaAccess.ADMIN)), directory.resolve("broker.log"));
    }

    /** Graceful first (closing its stdin is BrokerMain's signal to exit), so it restarts on clean logs; forcibly if that hangs. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    /** As {@code kill -9}: no shutdown at all, the logs left as a crash leaves them. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    private Path writeConfig(String voters, Defaults defaults) throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", Integer.toString(id));
        config.setProperty("controller.quorum.voters", voters);
        config.setProperty("listeners",
                "CLIENT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "CLIENT://localhost:" + clientPort);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.setProperty("inter.broker.listener.name", "CLIENT");
        authentication(config);
        config.setProperty("log.dirs", directory.resolve("logs").toString());
        String replicas = Integer.toString(defaults.replicationFactor());
        String minInsync = Integer.toString(defaults.minInsyncReplicas());
        config.setProperty("offsets.topic.replication.factor", replicas);
        config.setProperty("transaction.state.log.replication.factor", replicas);
        config.setProperty("transaction.state.log.min.isr", minInsync);
        config.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        config.setProperty("share.coordinator.state.topic.min.isr", minInsync);
        config.setProperty("default.replication.factor", replicas);
        config.setProperty("min.insync.replicas", minInsync);
        // Only a replica that holds every acknowledged record may become leader.
        config.setProperty("unclean.leader.election.enable", "false");
        // Consumers join at once instead of waiting 3 s for more members.
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", Boolean.toString(defaults.autoCreateTopics()));
        config.setProperty("num.partitions", Integer.toString(defaults.partitions()));
        Path file = directory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, "KRaft node " + id + " (broker and controller)");
        }
        return file;
    }

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
}
