package com.networkpin.eventstore.outbox;

import com.networkpin.events.LogSafe;
import com.networkpin.events.Topics;
import com.networkpin.eventstore.config.EventStoreConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * The Kafka administration the producing side needs: creates the system's topics at start-up with
 * explicit partitions, retention and replication ({@link TopicReplication}; never the broker's auto-create
 * defaults), and tells a topic
 * that does not exist from a broker that does not answer.
 */
@ApplicationScoped
public class KafkaTopics {

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final EventStoreConfig.TopicSettings config;
    private final Map<String, Object> kafkaConfig;
    private volatile boolean ensured;
    private Admin admin;

    public KafkaTopics(EventStoreConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config.topics();
        this.kafkaConfig = kafkaConfig;
    }

    /** Before the messaging channels start, so that no consumer's subscription auto-creates a topic first. */
    void createAtStartUp(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        ensureOnce();
    }

    void close(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    /**
     * Creates the configured topics once; true when they exist. With Kafka unreachable it logs, answers
     * false and the outbox relay calls again before it sends anything.
     */
    public boolean ensureOnce() {
        if (ensured || !config.create()) {
            return true;
        }
        try {
            List<String> created = ensure(config.names());
            if (!created.isEmpty()) {
                LOG.infof("created Kafka topics %s (%d partitions, retention %s)", created, config.partitions(),
                        config.retention());
            }
            ensured = true;
        } catch (RuntimeException e) {
            LOG.warnf("cannot create the Kafka topics yet: %s", LogSafe.message(e));
        }
        return ensured;
    }

    /**
     * Creates each topic and its dead-letter topic that does not exist yet and that this client may
     * create (the brokers' ACLs let each service create what it writes); returns the names created.
     */
    public List<String> ensure(List<String> topics) {
        try {
            Set<String> existing = admin().listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            TopicReplication replication = null;
            for (String topic : topics) {
                for (String name : List.of(topic, Topics.deadLetter(topic))) {
                    if (!existing.contains(name)) {
                        replication = replication == null ? replication() : replication;
                        missing.add(newTopic(name, name.equals(topic) ? config.retention() : config.deadLetterRetention(),
                                replication));
                    }
                }
            }
            List<String> created = new ArrayList<>();
            admin().createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        LOG.debugf("not allowed to create topic %s: its owner creates it", name);
                    } else if (!(e.getCause() instanceof TopicExistsException)) { // else another service was quicker
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw failure("cannot create topic " + name, e);
                }
            });
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the Kafka topics", e.getCause());
        } catch (Exception e) {
            throw failure("cannot list the Kafka topics", e);
        }
    }

    /**
     * True only when the cluster answers that the topic does not exist and that it does not create
     * topics on first use; false when it exists, will be created by the next send (a broker just back
     * from an outage has not created a new topic yet), or Kafka does not answer.
     */
    public boolean missing(String topic) {
        try {
            admin().describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException && !createsTopicsOnFirstUse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The brokers' {@code auto.create.topics.enable}; true when it cannot be read (then nothing is parked for it). */
    private boolean createsTopicsOnFirstUse() {
        try {
            Node node = admin().describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).iterator().next();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
            ConfigEntry autoCreate = admin().describeConfigs(List.of(broker)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(broker).get("auto.create.topics.enable");
            return autoCreate == null || Boolean.parseBoolean(autoCreate.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return true;
        }
    }

    private NewTopic newTopic(String topic, Duration retention, TopicReplication replication) {
        Map<String, String> configs = new HashMap<>(replication.configs());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        return new NewTopic(topic, Optional.of(config.partitions()), Optional.of(replication.factor())).configs(configs);
    }

    /** The configured factor, or one from the number of brokers the cluster has. */
    private TopicReplication replication() {
        if (config.replicationFactor() > 0) {
            return TopicReplication.of(config.replicationFactor(), 0);
        }
        try {
            int brokers = admin().describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return TopicReplication.of(config.replicationFactor(), brokers);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot count the Kafka brokers", e.getCause());
        } catch (Exception e) {
            throw failure("cannot count the Kafka brokers", e);
        }
    }

    private static RuntimeException failure(String message, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(message, e);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> adminConfig = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    adminConfig.put(key, value);
                }
            });
            adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-topics");
            adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            admin = Admin.create(adminConfig);
        }
        return admin;
    }
}
