package com.networkpin.launcher;

import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The three services as separate processes against one PostgreSQL (a database each), one
 * Kafka broker and one OpenID Connect provider, and the web console in front of them. Used by
 * {@code ./stack up} and by the end-to-end tests.
 */
public final class ServiceFleet implements AutoCloseable {

    /**
     * Small heaps: three services, a broker and PostgreSQL share a 2-core machine. The native heap is
     * trimmed every second: glibc otherwise keeps what the start-up freed (the JIT compilers' arenas
     * above all), 25–30 MB of the reservation-service's resident memory.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TrimNativeHeapInterval=1000");

    private final Path repository;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final String issuer;
    private final String profile;
    private final Map<StackService, ServiceProcess> processes = new EnumMap<>(StackService.class);

    /** @param issuer the OpenID Connect issuer whose tokens the services accept (Keycloak's realm URL) */
    public ServiceFleet(Path repository, Path logDirectory, PostgresServer postgres, KafkaServer kafka,
                        String issuer, String profile) {
        this.repository = repository;
        this.postgres = postgres;
        this.kafka = kafka;
        this.issuer = issuer;
        this.profile = profile;
        for (StackService service : StackService.values()) {
            processes.put(service, new ServiceProcess(service, logDirectory));
        }
    }

    /** Starts the three services at once and waits until each is ready; returns each one's time to ready. */
    public Map<StackService, Duration> startAll(Duration timeout) {
        return startAll(timeout, service -> Map.of());
    }

    /** As {@link #startAll(Duration)}, with extra environment per service (keys, a profiler). */
    public Map<StackService, Duration> startAll(Duration timeout,
                                                Function<StackService, Map<String, String>> extraEnvironment) {
        for (StackService service : StackService.backends()) {
            postgres.createDatabase(service.database());
            start(service, extraEnvironment.apply(service));
        }
        return awaitBackendsReady(timeout);
    }

    /**
     * Stops the three services and starts them again with extra environment per service, e.g. where
     * to export spans: for a test that needs the whole fleet configured so, and to put it back after
     * (no extra environment). Returns each one's time to ready.
     */
    public Map<StackService, Duration> restartAll(Duration timeout,
                                                  Function<StackService, Map<String, String>> extraEnvironment) {
        StackService.backends().parallelStream().forEach(service -> processes.get(service).stop());
        for (StackService service : StackService.backends()) {
            start(service, extraEnvironment.apply(service));
        }
        return awaitBackendsReady(timeout);
    }

    /**
     * Stops one service and starts it again with extra environment while the others keep running;
     * returns its time to ready: a service's own start-up, with nothing else starting beside it.
     */
    public Duration restart(StackService service, Duration timeout, Map<String, String> extraEnvironment) {
        processes.get(service).stop();
        start(service, extraEnvironment);
        return processes.get(service).awaitReady(timeout);
    }

    /** Waits for the three services at once: each takes seconds, and they start in parallel anyway. */
    private Map<StackService, Duration> awaitBackendsReady(Duration timeout) {
        Map<StackService, CompletableFuture<Duration>> ready = new EnumMap<>(StackService.class);
        for (StackService service : StackService.backends()) {
            ServiceProcess process = processes.get(service);
            ready.put(service, CompletableFuture.supplyAsync(() -> process.awaitReady(timeout),
                    task -> new Thread(task, "await-" + service.moduleName()).start()));
        }
        Map<StackService, Duration> times = new EnumMap<>(StackService.class);
        try {
            ready.forEach((service, future) -> times.put(service, future.join()));
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return times;
    }

    /** Starts the web console (login through the fleet's OpenID Connect provider) and waits until it is ready. */
    public Duration startConsole(Duration timeout) {
        start(StackService.WEB_CONSOLE);
        return processes.get(StackService.WEB_CONSOLE).awaitReady(timeout);
    }

    public void start(StackService service) {
        start(service, Map.of());
    }

    /** Starts (or restarts after a stop or kill) one service, with extra environment, e.g. a moved clock. */
    public void start(StackService service, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(environment(service));
        environment.putAll(extraEnvironment);
        processes.get(service).start(repository, environment, JVM_OPTIONS);
    }

    /** Another instance of a service on its own port, against the same database and broker. */
    public ServiceProcess startAnother(StackService service, int port, Path log) {
        return startAnother(service, port, log, Map.of());
    }

    /** As {@link #startAnother(StackService, int, Path)}, with extra environment (the same keys, a setting). */
    public ServiceProcess startAnother(StackService service, int port, Path log, Map<String, String> extraEnvironment) {
        ServiceProcess another = new ServiceProcess(service, port, log);
        Map<String, String> environment = new HashMap<>(environment(service));
        environment.putAll(extraEnvironment);
        another.start(repository, environment, JVM_OPTIONS);
        return another;
    }

    /**
     * A benchmark fixture packaged like the services ({@code <module>/target/quarkus-app} under the
     * fleet's root), started like them: the same JVM options, profile and OpenID Connect issuer, and
     * the fleet's PostgreSQL in {@code database} (DB_* as the services read it). Not one of the services.
     */
    public ServiceProcess startFixture(String module, String database, int port, Path log) {
        ServiceProcess fixture = new ServiceProcess(module, port, log);
        postgres.createDatabase(database);
        fixture.start(repository, Map.of(
                "QUARKUS_PROFILE", profile,
                "DB_HOST", postgres.host(),
                "DB_PORT", Integer.toString(postgres.port()),
                "DB_NAME", database,
                "DB_USER", postgres.username(),
                "DB_PASSWORD", postgres.password(),
                "OIDC_AUTH_SERVER_URL", issuer), JVM_OPTIONS);
        return fixture;
    }

    public ServiceProcess process(StackService service) {
        return processes.get(service);
    }

    private Map<String, String> environment(StackService service) {
        if (service == StackService.WEB_CONSOLE) {
            return Map.of(
                    "QUARKUS_PROFILE", profile,
                    "PIN_SERVICE_URL", StackService.PIN_SERVICE.url(),
                    "LOCK_SCHEDULER_URL", StackService.LOCK_SCHEDULER.url(),
                    "RESERVATION_SERVICE_URL", StackService.RESERVATION_SERVICE.url(),
                    "OIDC_AUTH_SERVER_URL", issuer);
        }
        // Each service is the Kafka principal of its name (identity/kafka-access.tsv), with its development password.
        return Map.of(
                "QUARKUS_PROFILE", profile,
                "DB_HOST", postgres.host(),
                "DB_PORT", Integer.toString(postgres.port()),
                "DB_NAME", service.database(),
                "DB_USER", postgres.username(),
                "DB_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_USERNAME", service.moduleName(),
                "KAFKA_PASSWORD", KafkaAccess.devPassword(service.moduleName()),
                "OIDC_AUTH_SERVER_URL", issuer);
    }

    @Override
    public void close() {
        processes.values().parallelStream().forEach(ServiceProcess::stop);
    }
}
