package com.networkpin.eventstore.config;

import com.networkpin.events.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "network-pin.event-store")
public interface EventStoreConfig {

    ConflictRetry conflictRetry();

    Relay relay();

    Consumer consumer();

    TopicSettings topics();

    InboxSettings inbox();

    MetricsSettings metrics();

    AdminSettings admin();

    PoolSettings pool();

    /** The bound of the reactive pool's waiting room ({@link BoundedPool}). */
    interface PoolSettings {

        /** Commands waiting for a connection; one more is refused at once (503 {@code overloaded}). */
        @WithDefault("128")
        int maxWaitQueueSize();
    }

    interface AdminSettings {
        /**
         * Build time: whether the service serves the operator's endpoints for parked outbox rows
         * ({@code admin.ParkedOutboxResource}); each service enables them in its application.properties.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface MetricsSettings {
        /** How often the outbox gauges read the database (a Quarkus scheduler period). */
        @WithDefault("10s")
        String refreshEvery();
    }

    interface ConflictRetry {
        @WithDefault("20")
        int maxAttempts();

        @WithDefault("PT0.002S")
        Duration initialBackOff();

        @WithDefault("PT0.05S")
        Duration maxBackOff();
    }

    interface Relay {
        /** Off for a process that must not publish (e.g. a read-only tool). */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows committed by other instances of the service. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** Rows looked at per round; each round ends in one durable commit, so a backlog drains in fewer. */
        @WithDefault("2000")
        int batchSize();

        /** Longest wait between attempts while Kafka is unreachable. */
        @WithDefault("PT5S")
        Duration maxBackOff();

        /**
         * Discarded rows are kept this long for inspection, then deleted; a row Kafka acknowledged is
         * deleted at once.
         */
        @WithDefault("PT24H")
        Duration retention();
    }

    interface Consumer {
        /**
         * Attempts at applying one event that fails with a failure that is not transient; after
         * the last one the event is dead-lettered with the reason and the consumer moves on.
         */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt after a failure; it doubles with each attempt. */
        @WithDefault("PT0.1S")
        Duration initialBackOff();

        /** Longest wait between attempts; transient failures are retried this often until they pass. */
        @WithDefault("PT5S")
        Duration maxBackOff();

        /**
         * This instance's Kafka static membership id ({@code group.instance.id} of every incoming
         * channel): unique per running instance, stable across its restarts. The services default
         * it to the host name and the HTTP port.
         */
        @WithDefault("${network-pin.host-name:localhost}-${quarkus.http.port:8080}")
        String instanceId();

        /**
         * Dead-letters an event that did not come on its type's topic from that topic's owner (see
         * {@code Provenance}). Off only where a test feeds a consumer from a topic of its own.
         */
        @WithDefault("true")
        boolean verifyProvenance();
    }

    /**
     * The topics the services publish to, created at start-up (with their dead-letter topics) when
     * missing, so that no topic is left to the broker's auto-create defaults. Existing topics are
     * left as they are, and so are topics the client may not create: their owner creates them.
     */
    interface TopicSettings {
        /** Off where the topics are managed elsewhere (or the client may not create topics). */
        @WithDefault("true")
        boolean create();

        @WithDefault(Topics.PIN_EVENTS + "," + Topics.MIDNIGHT_UNLOCKS + "," + Topics.RESERVATION_EVENTS)
        List<String> names();

        @WithDefault("3")
        int partitions();

        /** -1: three copies where the cluster has three brokers or more, else one per broker (see TopicReplication). */
        @WithDefault("-1")
        short replicationFactor();

        /** How long the brokers keep a topic's messages (retention.ms). */
        @WithDefault("P7D")
        Duration retention();

        /** How long the brokers keep a dead-letter topic's messages: long enough to look at them. */
        @WithDefault("P30D")
        Duration deadLetterRetention();
    }

    /**
     * The inbox remembers each applied event id to skip its redeliveries. A redelivery comes only from
     * what a topic still holds, so ids older than the topics' retention can go: the inbox keeps them
     * longer than that (checked at start-up) and deletes them after.
     */
    interface InboxSettings {
        @WithDefault("P30D")
        Duration retention();

        /** How often rows past the retention are deleted (in batches). */
        @WithDefault("1h")
        String purgeEvery();

        @WithDefault("10000")
        int purgeBatch();
    }
}
