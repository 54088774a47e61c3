package com.networkpin.eventstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "network-pin.event-store")
public interface EventStoreConfig {

    ConflictRetry conflictRetry();

    Relay relay();

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

        @WithDefault("500")
        int batchSize();

        /** Longest wait between attempts while Kafka is unreachable. */
        @WithDefault("PT5S")
        Duration maxBackOff();

        /** Sent rows are kept this long for inspection, then deleted. */
        @WithDefault("PT24H")
        Duration retention();
    }
}
