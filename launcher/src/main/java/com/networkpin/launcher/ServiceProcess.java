package com.networkpin.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service (or a benchmark fixture packaged the same way, {@code <module>/target/quarkus-app})
 * run as its own JVM process, with its log in a file.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /**
     * The classes a service loads at start, pre-parsed by the build (quarkus.package.jar.appcds.enabled):
     * loaded from it, they start faster. A JVM other than the one that wrote it ignores it (-Xshare:auto).
     */
    private static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    private final String module;
    private final int port;
    private final Path log;
    private Process process;
    private long startedAt;

    public ServiceProcess(StackService service, Path logDirectory) {
        this(service, service.port(), logDirectory.resolve(service.moduleName() + ".log"));
    }

    /** A further instance of a service, on its own port and with its own log. */
    public ServiceProcess(StackService service, int port, Path log) {
        this(service.moduleName(), port, log);
    }

    /** A packaged Quarkus application of this repository's {@code module} that is not one of the services. */
    public ServiceProcess(String module, int port, Path log) {
        this.module = module;
        this.port = port;
        this.log = log;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String module() {
        return module;
    }

    public Path log() {
        return log;
    }

    public void start(Path repository, Map<String, String> environment, List<String> jvmOptions) {
        Path jar = PackagedServices.jar(repository, module);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(jar + " is missing: build it with ./mvnw -B install -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Files.isRegularFile(jar.resolveSibling(APP_CDS_ARCHIVE))) {
            // The archive names the jars relative to the application's directory: run from there.
            command.add("-XX:SharedArchiveFile=" + APP_CDS_ARCHIVE);
        }
        command.add("-jar");
        command.add(jar.getFileName().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + module, e);
        }
    }

    /** Waits until the service reports ready; returns how long it took since start. */
    public Duration awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(module + " exited with code " + process.exitValue()
                        + "; see " + log);
            }
            if (isReady()) {
                return Duration.ofNanos(System.nanoTime() - startedAt);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new StackException(module + " was not ready within " + timeout.toSeconds()
                + " s; see " + log);
    }

    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the process was started and has not exited (a stop, a kill or a crash ends it). */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM first, so Quarkus shuts down cleanly (the outbox relay finishes its batch). */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crash would: for fault tests. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
