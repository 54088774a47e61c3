package com.networkpin.localinfra.ha;

import com.networkpin.localinfra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's HAProxy in front of the Patroni nodes, the one database address every service uses: it
 * routes to the node whose Patroni answers 200 to {@code OPTIONS /primary}, checked every second; two
 * failed checks (about 2 s) take a node out and close every session to it
 * ({@code on-marked-down shutdown-sessions}), so no client keeps talking to a demoted primary; one good
 * check takes a new primary in. Patroni's own demotion is slower than that, so the proxy is never the
 * slower half of a failover.
 */
final class PostgresProxy {

    static final Path EXECUTABLE = Path.of("/usr/sbin/haproxy");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** fall × inter, and a check's time-out. */
    private static final Duration CHECKS_SETTLED = Duration.ofSeconds(3);

    private final Path directory;
    private final int port = FreePort.find();
    private ChildProcess process;

    PostgresProxy(Path directory) {
        this.directory = directory;
    }

    int port() {
        return port;
    }

    synchronized void start(List<PatroniNode> nodes) {
        if (process != null) {
            return;
        }
        Path configuration = directory.resolve("haproxy.cfg");
        try {
            Files.writeString(configuration, configuration(nodes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configuration, e);
        }
        process = ChildProcess.start(List.of(EXECUTABLE.toString(), "-db", "-f", configuration.toString()),
                directory.resolve("haproxy.log"), null);
        Etcd.awaitPort(port, START_TIMEOUT, process, "haproxy");
        // HAProxy starts with every server UP: the standby's goes down only after its first failed checks.
        Waiting.pause(CHECKS_SETTLED);
    }

    synchronized void stop() {
        if (process != null) {
            process.stop(5);
            process = null;
        }
    }

    /** Client and server time-outs longer than any pooled connection lives (the services' max-lifetime). */
    private String configuration(List<PatroniNode> nodes) {
        StringBuilder servers = new StringBuilder();
        for (PatroniNode node : nodes) {
            servers.append("  server ").append(node.name()).append(" 127.0.0.1:").append(node.postgresPort())
                    .append(" check port ").append(node.restPort()).append('\n');
        }
        return """
                global
                  maxconn 1000
                defaults
                  mode tcp
                  timeout connect 1s
                  timeout client 1h
                  timeout server 1h
                  timeout check 1s
                listen postgres
                  bind 127.0.0.1:%d
                  option httpchk OPTIONS /primary
                  http-check expect status 200
                  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
                %s""".formatted(port, servers);
    }
}
