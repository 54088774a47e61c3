package com.networkpin.testinfra;

import com.networkpin.localinfra.KafkaServer;
import com.networkpin.localinfra.KeycloakServer;
import com.networkpin.localinfra.PostgresServer;
import com.networkpin.localinfra.Infrastructure;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Points a Quarkus application under test at the shared real PostgreSQL and Kafka of
 * {@link Infrastructure}, in a database of its own.
 *
 * <p>Declare it once per module, on any one test class, so it applies to every
 * {@code @QuarkusTest} of the module without restarting Quarkus between classes:
 * <pre>{@code
 * @QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false,
 *         initArgs = @ResourceArg(name = RealInfrastructure.DATABASE, value = "pin_service"))
 * }</pre>
 * ({@code @WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, ...)}
 * is the equivalent newer form.) Declare it only once per module: each declaration is started.
 *
 * <p>{@link #stop()} leaves the servers running: Quarkus may start and stop several
 * applications in one JVM, and the servers stop themselves at JVM exit.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the application's database; default {@value #DEFAULT_DATABASE}. */
    public static final String DATABASE = "database";
    public static final String DEFAULT_DATABASE = "app";
    /** Init arg: "true" also starts the real Keycloak and points the application's OIDC at its realm. */
    public static final String IDENTITY = "identity";
    /**
     * Init arg: the Kafka principal the application authenticates as (its development password).
     * Without it the application's own {@code kafka.sasl.*} settings apply, as the services have.
     */
    public static final String KAFKA_PRINCIPAL = "kafka-principal";
    /**
     * Init arg: "false" points the application at {@link Infrastructure#kafkaWithoutAutoCreate()}, a broker
     * that creates no topic on first use, instead of the shared one; default "true".
     */
    public static final String KAFKA_AUTO_CREATE = "kafka-auto-create";

    private String database = DEFAULT_DATABASE;
    private boolean identity;
    private String kafkaPrincipal;
    private boolean kafkaAutoCreate;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, DEFAULT_DATABASE);
        identity = Boolean.parseBoolean(initArgs.get(IDENTITY));
        kafkaPrincipal = initArgs.get(KAFKA_PRINCIPAL);
        kafkaAutoCreate = Boolean.parseBoolean(initArgs.getOrDefault(KAFKA_AUTO_CREATE, "true"));
    }

    @Override
    public Map<String, String> start() {
        CompletableFuture<KeycloakServer> keycloak = identity ? Infrastructure.keycloakInBackground() : null;
        Infrastructure infrastructure = Infrastructure.get();
        PostgresServer postgres = infrastructure.postgres();
        postgres.createDatabase(database);
        KafkaServer kafka = kafkaAutoCreate ? infrastructure.kafka() : Infrastructure.kafkaWithoutAutoCreate();
        String bootstrapServers = kafka.bootstrapServers();
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", bootstrapServers,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrapServers,
                // The servers are given: Dev Services must not try to start containers.
                "quarkus.devservices.enabled", "false"));
        if (kafkaPrincipal != null) {
            kafka.clientConfig(kafkaPrincipal).forEach((key, value) -> {
                if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                    config.put("kafka." + key, value.toString());
                }
            });
        }
        if (keycloak != null) {
            config.put("quarkus.oidc.auth-server-url", keycloak.join().issuer());
        }
        return config;
    }

    @Override
    public void stop() {
        // Deliberately empty: see the class comment.
    }
}
