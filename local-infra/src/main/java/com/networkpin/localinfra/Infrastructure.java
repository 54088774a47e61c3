package com.networkpin.localinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.networkpin.localinfra.ha.PatroniCluster;

/**
 * The PostgreSQL server and Kafka broker shared by every test of a JVM (and by the benchmark): started
 * once, on first use, and stopped at JVM exit by the servers' own shutdown hooks.
 *
 * <p>System properties: {@value InfraMode#PROPERTY} = embedded|docker|auto (default auto);
 * {@value #DATA_DIRECTORY} = a directory to keep the embedded servers' data in between runs
 * (default: fresh temporary directories); {@value #PARTITIONS} = partitions of auto-created
 * topics (default 3); {@value #POSTGRES_DURABLE} = true starts a temporary embedded PostgreSQL with
 * fsync, synchronous_commit and full_page_writes on, as production runs (the benchmark); default false:
 * all three off, tests throw their data away. A kept data directory runs with zonky's defaults.
 * {@value #HA} = true runs the production topology instead of the single servers: Kafka as a {@link KafkaCluster}
 * of three nodes (replication factor 3, {@code min.insync.replicas=2}) and PostgreSQL replicated, a
 * {@link PatroniCluster} (Debian's Patroni, etcd, PostgreSQL 15 and HAProxy) behind one address;
 * {@value #HA_KAFKA} = true or {@value #HA_POSTGRES} = true only one of the two (each fault test runs on what
 * it is about, and starts no more than it needs).
 */
public final class Infrastructure {

    public static final String DATA_DIRECTORY = "networkpin.infra.data-dir";
    public static final String PARTITIONS = "networkpin.infra.kafka-partitions";
    public static final String POSTGRES_DURABLE = "networkpin.infra.postgres-durable";
    public static final String HA = "networkpin.infra.ha";
    public static final String HA_KAFKA = "networkpin.infra.ha-kafka";
    public static final String HA_POSTGRES = "networkpin.infra.ha-postgres";

    private static Infrastructure instance;
    private static KeycloakServer keycloak;
    private static KeycloakTokens tokens;
    private static KafkaServer kafkaWithoutAutoCreate;

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final StartupTimes startupTimes;

    /** How long each server took to start; both start concurrently. */
    public record StartupTimes(Duration postgres, Duration kafka, Duration total) {
    }

    private Infrastructure(PostgresServer postgres, KafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.startupTimes = startBoth();
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    /**
     * The identity provider shared by every test of a JVM, started on first use (in a thread of the
     * caller's choosing, so that it can start beside PostgreSQL and Kafka) and stopped at JVM exit.
     */
    public static KeycloakServer keycloak() {
        synchronized (KeycloakServer.class) {
            if (keycloak == null) {
                String dataDirectory = System.getProperty(DATA_DIRECTORY);
                KeycloakServer server = new KeycloakServer(dataDirectory == null ? TemporaryDirectory.create("keycloak")
                        : Path.of(dataDirectory).resolve("keycloak"), 0);
                long begin = System.nanoTime();
                server.start();
                System.out.printf("Keycloak up at %s in %d ms%n", server.url(), (System.nanoTime() - begin) / 1_000_000);
                keycloak = server;
            }
            return keycloak;
        }
    }

    /** Tokens of the shared {@link #keycloak()}'s realm. */
    public static KeycloakTokens tokens() {
        synchronized (KeycloakServer.class) {
            if (tokens == null) {
                tokens = new KeycloakTokens(keycloak().url());
            }
            return tokens;
        }
    }

    /** {@link #keycloak()} started in its own thread. */
    public static CompletableFuture<KeycloakServer> keycloakInBackground() {
        // Set up here, not in two threads at once: the JBoss log manager's set-up can deadlock then.
        java.util.logging.LogManager.getLogManager();
        return CompletableFuture.supplyAsync(Infrastructure::keycloak, task -> new Thread(task, "start-keycloak").start());
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Tests may stop and start it to simulate an outage. */
    public KafkaServer kafka() {
        return kafka;
    }

    /**
     * A second broker, with the same principals and ACLs, that creates no topic on first use: for the
     * tests of what happens where brokers do not auto-create topics. Started on first use (about 3 s,
     * 140 MB), so only a JVM that runs such a test pays for it; stopped at JVM exit.
     */
    public static synchronized KafkaServer kafkaWithoutAutoCreate() {
        if (kafkaWithoutAutoCreate == null) {
            KafkaServer server = EmbeddedKafkaServer.temporaryWithoutAutoCreate(Integer.getInteger(PARTITIONS, 3));
            long begin = System.nanoTime();
            server.start();
            System.out.printf("Kafka without topic auto-creation up in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
            kafkaWithoutAutoCreate = server;
        }
        return kafkaWithoutAutoCreate;
    }

    public StartupTimes startupTimes() {
        return startupTimes;
    }

    private static Infrastructure create() {
        int partitions = Integer.getInteger(PARTITIONS, 3);
        Optional<DockerPostgres> docker = DockerPostgres.onClassPath();
        if (InfraMode.fromSystemProperty(docker) == InfraMode.DOCKER) {
            // Kafka stays the child-JVM broker: it is configured with the authentication and ACLs
            // of identity/kafka-access.tsv, which a stock container image does not start with.
            return new Infrastructure(docker.orElseThrow().create(), temporaryKafka(partitions));
        }
        String dataDirectory = System.getProperty(DATA_DIRECTORY);
        if (replicatedPostgres()) {
            return new Infrastructure(new PatroniCluster(dataDirectory == null ? null
                    : Path.of(dataDirectory).resolve("postgres-ha"), Boolean.getBoolean(POSTGRES_DURABLE)),
                    temporaryKafka(partitions));
        }
        if (dataDirectory == null) {
            return new Infrastructure(new EmbeddedPostgresServer(null, 0, Boolean.getBoolean(POSTGRES_DURABLE)),
                    temporaryKafka(partitions));
        }
        Path root = Path.of(dataDirectory);
        KafkaServer kafka = kafkaCluster() ? new KafkaCluster(root.resolve("kafka-cluster"), partitions, 0, 0, 0)
                : new EmbeddedKafkaServer(root.resolve("kafka"), partitions);
        return new Infrastructure(new EmbeddedPostgresServer(root.resolve("postgres")), kafka);
    }

    private static KafkaServer temporaryKafka(int partitions) {
        return kafkaCluster() ? KafkaCluster.temporary(partitions) : EmbeddedKafkaServer.temporary(partitions);
    }

    /** Whether Kafka runs as the three-node cluster ({@value #HA} or {@value #HA_KAFKA}). */
    public static boolean kafkaCluster() {
        return Boolean.getBoolean(HA) || Boolean.getBoolean(HA_KAFKA);
    }

    /** Whether PostgreSQL runs replicated under Patroni ({@value #HA} or {@value #HA_POSTGRES}). */
    public static boolean replicatedPostgres() {
        return Boolean.getBoolean(HA) || Boolean.getBoolean(HA_POSTGRES);
    }

    /** In parallel: the two start-ups mostly wait on child processes. */
    private StartupTimes startBoth() {
        long begin = System.nanoTime();
        CompletableFuture<Duration> postgresStarted = timedInOwnThread("start-postgres", postgres::start);
        CompletableFuture<Duration> kafkaStarted = timedInOwnThread("start-kafka", kafka::start);
        try {
            StartupTimes times = new StartupTimes(postgresStarted.join(), kafkaStarted.join(),
                    Duration.ofNanos(System.nanoTime() - begin));
            System.out.printf("Real infrastructure up: PostgreSQL %d ms, Kafka %d ms, total %d ms%n",
                    times.postgres().toMillis(), times.kafka().toMillis(), times.total().toMillis());
            return times;
        } catch (CompletionException e) {
            // Leave nothing half-started behind a failed start.
            CompletableFuture.allOf(postgresStarted, kafkaStarted).exceptionally(ignored -> null).join();
            postgres.stop();
            kafka.stop();
            throw new IllegalStateException("Cannot start the test infrastructure", e.getCause());
        }
    }

    /** Own threads, not the common pool: with 2 cores that pool has a single thread. */
    private static CompletableFuture<Duration> timedInOwnThread(String name, Runnable start) {
        return CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            start.run();
            return Duration.ofNanos(System.nanoTime() - begin);
        }, task -> new Thread(task, name).start());
    }
}
