package com.networkpin.system;

import com.networkpin.localinfra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy ({@code apt-get install haproxy}; .ci/run installs it) in front of replicas of one
 * service, as a load balancer in production would stand: round robin over the replicas, each
 * health-checked on its readiness ({@code /q/health/ready}) every 500 ms (an answer may take seconds on
 * a busy machine), out after 3 failed checks and back after 2 good ones. A request whose connection to a replica fails (refused, or closed before any
 * answer) is sent again, to another replica. Its configuration is written to a file under
 * {@code target}; its own statistics page says which replicas it sees UP.
 */
final class Haproxy implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/sbin/haproxy");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final int statsPort;

    /** Skips the calling test when the machine has no HAProxy (.ci/run installs it). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
                "no " + EXECUTABLE + " (apt-get install haproxy)");
    }

    /** Starts HAProxy on a free port before the replicas on this machine ({@code http://localhost:port}, named by the map's keys). */
    static Haproxy start(Map<String, String> replicas, Path directory) {
        int port = FreePort.find();
        int statsPort = FreePort.find();
        Path configuration = directory.resolve("haproxy-" + port + ".cfg");
        try {
            Files.createDirectories(directory);
            Files.writeString(configuration, configuration(port, statsPort, replicas));
            Process process = new ProcessBuilder(EXECUTABLE.toString(), "-db", "-f", configuration.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("haproxy.log").toFile()))
                    .start();
            Haproxy haproxy = new Haproxy(process, port, statsPort);
            haproxy.awaitUp(replicas.keySet(), START_TIMEOUT);
            return haproxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + EXECUTABLE, e);
        }
    }

    private Haproxy(Process process, int port, int statsPort) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
    }

    static String configuration(int port, int statsPort, Map<String, String> replicas) {
        StringBuilder servers = new StringBuilder();
        replicas.forEach((name, url) -> servers.append("  server ").append(name).append(' ')
                .append("127.0.0.1:").append(URI.create(url).getPort()).append(" check\n"));
        return """
                global
                  maxconn 4096
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 30s
                  timeout server 30s
                  timeout queue 5s
                  # A request whose connection fails before any answer is sent again, to another replica.
                  retries 3
                  option redispatch 1
                  retry-on conn-failure empty-response
                frontend stats
                  bind 127.0.0.1:%d
                  stats enable
                  stats uri /stats
                frontend service
                  bind 127.0.0.1:%d
                  default_backend replicas
                backend replicas
                  balance roundrobin
                  option httpchk GET /q/health/ready
                  http-check expect status 200
                  timeout check 5s
                  default-server inter 500ms fall 3 rise 2
                %s""".formatted(statsPort, port, servers);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Each replica's state as HAProxy sees it: UP, DOWN, or a transition such as "UP 1/2". */
    Map<String, String> states() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(2)).build();
            String csv = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Map<String, String> states = new TreeMap<>();
            for (String line : csv.split("\n")) {
                List<String> fields = List.of(line.split(",", -1));
                // pxname, svname, ..., status is the 18th column
                if (fields.size() > 17 && fields.get(0).equals("replicas") && !fields.get(1).equals("BACKEND")) {
                    states.put(fields.get(1), fields.get(17));
                }
            }
            return states;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Waits until HAProxy sees these replicas UP (it sends them requests again). */
    void awaitUp(Iterable<String> replicas, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with code " + process.exitValue()
                        + "; see target/haproxy/haproxy.log");
            }
            Map<String, String> states = states();
            boolean allUp = true;
            for (String replica : replicas) {
                allUp &= "UP".equals(states.get(replica));
            }
            if (allUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HAProxy did not see " + replicas + " UP within "
                        + timeout.toSeconds() + " s: " + states);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
