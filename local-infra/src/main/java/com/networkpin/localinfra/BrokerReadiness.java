package com.networkpin.localinfra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a freshly launched broker serves requests. */
final class BrokerReadiness {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private BrokerReadiness() {
    }

    static void await(Process broker, Map<String, Object> adminConfig, Path brokerLog) {
        String bootstrapServers = (String) adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        // TCP first: an AdminClient polling a closed port floods the log with warnings.
        String[] hostAndPort = bootstrapServers.split(":");
        while (!accepts(hostAndPort[0], Integer.parseInt(hostAndPort[1]))) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited at start-up; see " + brokerLog
                        + ":\n" + tail(brokerLog));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Kafka broker did not open its port in " + TIMEOUT
                        + "; see " + brokerLog);
            }
            sleep(50);
        }
        describeCluster(adminConfig, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }

    /** The port opens before the broker has registered with its controller: ask it for real. */
    private static void describeCluster(Map<String, Object> adminConfig, long timeoutMillis) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kafka broker at " + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " is not ready", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
