package com.networkpin.launcher;

import com.networkpin.events.Topics;
import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.PartitionLeaders;
import com.networkpin.localinfra.PostgresServer;
import com.networkpin.localinfra.ha.PatroniCluster;
import com.networkpin.localinfra.ha.PatroniNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a running stack's servers are ({@code .state/topology.properties}, written by {@code ./stack up}), so that
 * {@code ./stack status} can say which Kafka node leads each partition of the system's topics and which
 * PostgreSQL node is the primary. Development credentials only: the file describes a local stack.
 */
final class Topology {

    private static final List<String> TOPICS = List.of(Topics.PIN_EVENTS, Topics.MIDNIGHT_UNLOCKS, Topics.RESERVATION_EVENTS);

    private Topology() {
    }

    static Path file(Path state) {
        return state.resolve("topology.properties");
    }

    static void write(Path state, PostgresServer postgres, KafkaServer kafka) {
        Properties topology = new Properties();
        topology.setProperty("kafka.bootstrap", kafka.bootstrapServers());
        topology.setProperty("postgres.user", postgres.username());
        topology.setProperty("postgres.password", postgres.password());
        List<String> nodes = new ArrayList<>();
        if (postgres instanceof PatroniCluster cluster) {
            for (PatroniNode node : cluster.nodes()) {
                nodes.add(node.name() + "@" + node.postgresPort());
            }
        } else {
            nodes.add("postgres@" + postgres.port());
        }
        topology.setProperty("postgres.nodes", String.join(",", nodes));
        try (Writer out = Files.newBufferedWriter(file(state))) {
            topology.store(out, "written by ./stack up, read by ./stack status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void print(Path state, PrintStream out) {
        if (!Files.exists(file(state))) {
            return;
        }
        Properties topology = new Properties();
        try (Reader in = Files.newBufferedReader(file(state))) {
            topology.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> admin = KafkaAccess.clientConfig(topology.getProperty("kafka.bootstrap"), KafkaAccess.ADMIN,
                KafkaAccess.devPassword(KafkaAccess.ADMIN));
        for (String topic : TOPICS) {
            String leaders;
            try {
                leaders = PartitionLeaders.describe(admin, topic).toString();
            } catch (IllegalStateException e) {
                leaders = "unknown (" + e.getMessage() + ")";
            }
            out.printf("%-20s %s%n", "kafka " + topic, "partition=leader node, in-sync: " + leaders);
        }
        List<String> roles = new ArrayList<>();
        for (String node : topology.getProperty("postgres.nodes").split(",")) {
            String[] nameAndPort = node.split("@");
            roles.add(nameAndPort[0] + " " + role(Integer.parseInt(nameAndPort[1]), topology));
        }
        out.printf("%-20s %s%n", "postgresql", String.join(", ", roles));
    }

    /** primary, standby or down, asked of the node itself. */
    private static String role(int port, Properties topology) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=3",
                topology.getProperty("postgres.user"), topology.getProperty("postgres.password"));
             ResultSet inRecovery = connection.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
            inRecovery.next();
            return inRecovery.getBoolean(1) ? "standby" : "primary";
        } catch (SQLException e) {
            return "down";
        }
    }
}
