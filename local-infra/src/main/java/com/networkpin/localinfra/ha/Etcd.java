package com.networkpin.localinfra.ha;

import com.networkpin.localinfra.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Debian's etcd ({@code etcd-server}), one member on free ports: the store in which Patroni keeps the leader key. */
final class Etcd {

    static final Path EXECUTABLE = Path.of("/usr/bin/etcd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;
    private final int clientPort = FreePort.find();
    private final int peerPort = FreePort.find();
    private ChildProcess process;

    Etcd(Path directory) {
        this.directory = directory;
    }

    /** The address Patroni's {@code etcd3} section names. */
    String clientAddress() {
        return "127.0.0.1:" + clientPort;
    }

    synchronized void start() {
        if (process != null) {
            return;
        }
        String peer = "http://127.0.0.1:" + peerPort;
        String client = "http://" + clientAddress();
        process = ChildProcess.start(List.of(EXECUTABLE.toString(), "--name", "etcd1",
                "--data-dir", directory.resolve("etcd").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "etcd1=" + peer), directory.resolve("etcd.log"), null);
        awaitPort(clientPort, START_TIMEOUT, process, "etcd");
    }

    synchronized void stop() {
        if (process != null) {
            process.stop(5);
            process = null;
        }
    }

    /** Waits until something listens on the port of a child that must still be alive. */
    static void awaitPort(int port, Duration timeout, ChildProcess child, String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!child.isAlive()) {
                    throw new IllegalStateException(name + " exited; see its log");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not listen on " + port + " within " + timeout);
                }
                Waiting.pause(Duration.ofMillis(100));
            }
        }
    }
}
