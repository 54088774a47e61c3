package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KafkaCluster;
import com.networkpin.localinfra.PartitionLeaders;
import com.networkpin.localinfra.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.Driver;

/**
 * F16: two of the three nodes go down (controlled shutdowns, one after the other) under a stream of
 * verifications, so every partition of the PIN topic is left with one in-sync replica, below
 * min.insync.replicas=2. The brokers refuse the relay's writes ({@code NOT_ENOUGH_REPLICAS}, which the
 * producer retries and the relay treats as transient): its rows stay in the outbox, the pin-service keeps
 * answering, and the age of the oldest unsent row passes the threshold of the OutboxBacklogOld alert rule
 * (deploy/prometheus/alerts.yml). Once both nodes are back the backlog drains (time shown) and the
 * reconciliation finds nothing lost, nothing out of order and the projections in agreement.
 */
@Tag("kafka-cluster")
@ExtendWith(RunningSystem.class)
class InSyncReplicasLostTest {

    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);
    private static final String AGE = "network_pin_outbox_oldest_unsent_age_seconds";
    private static final Pattern RULE = Pattern.compile(Pattern.quote(AGE) + " > (\\d+)");

    private final Http http = new Http();

    @Test
    @DisplayName("F16: with one in-sync replica left the relay keeps its rows, the outbox alert holds, the backlog drains")
    void belowMinInsyncTheRelayKeepsItsRowsAndDrainsAfterRecovery() throws Exception {
        KafkaCluster cluster = KafkaNodes.cluster();
        KafkaNodes.awaitAllInSync(cluster, Topics.PIN_EVENTS);
        int threshold = alertThresholdSeconds();
        Path pinLog = RunningSystem.fleet().process(StackService.PIN_SERVICE).log();
        int survivor = KafkaNodes.busiestLeader(cluster, Topics.PIN_EVENTS);
        List<Integer> down = cluster.nodeIds().stream().filter(node -> node != survivor).toList();
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        PinTraffic traffic = new PinTraffic(pin, "F16", 3);
        List<ContractLog> contracts;
        long logOffset = Files.size(pinLog);
        int inSyncLeft;
        double ageSeen;
        long backlogKept;
        int acceptedWhileDown;
        traffic.start();
        try {
            Thread.sleep(BEFORE.toMillis());
            int acceptedBefore = traffic.counts().accepted();
            down.forEach(cluster::stopNode);
            inSyncLeft = PartitionLeaders.describe(cluster, Topics.PIN_EVENTS).values().stream()
                    .mapToInt(partition -> partition.inSync().size()).max().orElseThrow();
            ageSeen = awaitOldestUnsentAgeAbove(threshold);
            acceptedWhileDown = traffic.counts().accepted() - acceptedBefore;
        } finally {
            contracts = traffic.stop();
            backlogKept = pinOutboxRows();
        }
        long restartedAt = System.nanoTime();
        down.forEach(cluster::startNode);
        long restartMillis = (System.nanoTime() - restartedAt) / 1_000_000;
        long drainMillis = awaitOutboxEmpty(restartedAt);
        long refusedWrites = occurrences(pinLog, logOffset, "NOT_ENOUGH_REPLICAS");

        FaultFigures figures = new FaultFigures("F16 two of three brokers down (ISR 1 < min ISR 2)");
        Reconciliation result = new Reconciliation(pin, figures.put("nodesDown", down).put("inSyncLeft", inSyncLeft)
                .put("notEnoughReplicasRetries", refusedWrites).put("acceptedWhileDown", acceptedWhileDown)
                .put("outboxRowsKept", backlogKept).put("oldestUnsentAgeS", ageSeen).put("alertThresholdS", threshold)
                .put("nodesBackMs", restartMillis).put("drainedMsFromRestart", drainMillis)).check(contracts);
        figures.print();
        KafkaNodes.awaitAllInSync(cluster, Topics.PIN_EVENTS);

        assertEquals(1, inSyncLeft, "one in-sync replica per partition");
        assertTrue(refusedWrites > 0, "the brokers refused the relay's writes with NOT_ENOUGH_REPLICAS");
        assertTrue(acceptedWhileDown > 0, "the pin-service kept answering");
        assertTrue(backlogKept > 0, "the relay kept its rows");
        assertTrue(ageSeen > threshold, "the OutboxBacklogOld condition held");
        result.assertNothingLostReorderedOrDoubled();
    }

    /** The threshold of the OutboxBacklogOld rule, as Prometheus loads it. */
    private static int alertThresholdSeconds() throws IOException {
        Matcher rule = RULE.matcher(Files.readString(Path.of("../deploy/prometheus/alerts.yml")));
        assertTrue(rule.find(), "deploy/prometheus/alerts.yml has a rule on " + AGE);
        return Integer.parseInt(rule.group(1));
    }

    /** The pin-service's gauge, as Prometheus scrapes it, once above the threshold. */
    private double awaitOldestUnsentAgeAbove(int threshold) throws InterruptedException {
        long deadline = System.nanoTime() + ALERT_TIMEOUT.toNanos();
        Pattern sample = Pattern.compile("(?m)^" + Pattern.quote(AGE) + "(?:\\{[^}]*})? (\\S+)$");
        double age = 0;
        while (age <= threshold && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Matcher value = sample.matcher(http.get(StackService.PIN_SERVICE.url() + "/q/metrics").rawBody());
            age = value.find() ? Double.parseDouble(value.group(1)) : 0;
        }
        return age;
    }

    /** Milliseconds from {@code since} until the pin-service's outbox holds no row to send. */
    private static long awaitOutboxEmpty(long since) throws Exception {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (pinOutboxRows() > 0) {
            assertTrue(System.nanoTime() < deadline, "the outbox drained within " + DRAIN_TIMEOUT);
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static long pinOutboxRows() {
        PostgresServer postgres = Infrastructure.get().postgres();
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.username());
        credentials.setProperty("password", postgres.password());
        try (Connection db = new Driver().connect(postgres.jdbcUrl(StackService.PIN_SERVICE.database()), credentials);
             ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM es_outbox WHERE parked_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pin-service's outbox", e);
        }
    }

    private static long occurrences(Path log, long from, String text) throws IOException {
        String written = Files.readString(log);
        return Pattern.compile(Pattern.quote(text)).matcher(written.substring((int) Math.min(from, written.length())))
                .results().count();
    }
}
