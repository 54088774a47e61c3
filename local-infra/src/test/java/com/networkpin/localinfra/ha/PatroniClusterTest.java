package com.networkpin.localinfra.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * The replicated PostgreSQL behind its one address: the primary's node killed, the standby takes over
 * with every committed row; the killed node, started again, follows the new primary as its synchronous
 * standby; a postmaster killed alone is started again in place, with no failover.
 */
class PatroniClusterTest {

    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void survivesTheLossOfItsPrimaryAndOfAPostmaster() throws SQLException {
        Assumptions.assumeTrue(PatroniCluster.installed(), "apt-get install patroni etcd-server postgresql-15 haproxy");
        PatroniCluster cluster = new PatroniCluster(null, false);
        long begin = System.nanoTime();
        cluster.start();
        System.out.printf("PostgreSQL cluster up in %d ms, primary %s%n",
                Duration.ofNanos(System.nanoTime() - begin).toMillis(), cluster.primaryName().orElseThrow());
        try {
            cluster.createDatabase("ha_check");
            String row = UUID.randomUUID().toString();
            execute(cluster, "create table kept (value text)");
            execute(cluster, "insert into kept values ('" + row + "')");

            String first = cluster.primaryName().orElseThrow();
            long killedAt = System.nanoTime();
            cluster.node(first).kill();
            long writable = awaitWritable(cluster, killedAt);
            String second = cluster.primaryName().orElseThrow();
            System.out.printf("node %s killed: %s primary and writable through the proxy after %d ms%n",
                    first, second, writable);
            assertNotEquals(first, second, "the standby was promoted");
            assertEquals(1, count(cluster, row), "the row committed before the kill");

            cluster.node(first).start();
            cluster.awaitSynchronousStandby(FAILOVER_TIMEOUT);
            assertEquals(second, cluster.primaryName().orElseThrow(), "the killed node came back as a standby");

            long postmasterKilledAt = System.nanoTime();
            cluster.node(second).killPostmaster();
            long back = awaitWritable(cluster, postmasterKilledAt);
            System.out.printf("postmaster of %s killed: writable again after %d ms%n", second, back);
            assertEquals(second, cluster.primaryName().orElseThrow(), "restarted in place, no failover");
            assertEquals(1, count(cluster, row));
        } finally {
            cluster.stop();
        }
    }

    /** Milliseconds from {@code since} until an insert through the proxy commits. */
    private static long awaitWritable(PatroniCluster cluster, long since) {
        long deadline = since + FAILOVER_TIMEOUT.toNanos();
        while (true) {
            try {
                execute(cluster, "insert into kept values ('probe')");
                return Duration.ofNanos(System.nanoTime() - since).toMillis();
            } catch (SQLException notYet) {
                assertTrue(System.nanoTime() < deadline, "writable again within " + FAILOVER_TIMEOUT + ": " + notYet);
                Waiting.pause(Duration.ofMillis(100));
            }
        }
    }

    private static void execute(PatroniCluster cluster, String sql) throws SQLException {
        try (Connection connection = connect(cluster); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(PatroniCluster cluster, String row) throws SQLException {
        try (Connection connection = connect(cluster); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from kept where value = '" + row + "'")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Connection connect(PatroniCluster cluster) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", cluster.username());
        credentials.setProperty("password", cluster.password());
        credentials.setProperty("connectTimeout", "2");
        credentials.setProperty("socketTimeout", "5");
        return new Driver().connect(cluster.jdbcUrl("ha_check"), credentials);
    }
}
