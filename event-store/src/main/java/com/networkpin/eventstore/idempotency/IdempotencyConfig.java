package com.networkpin.eventstore.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the answers of requests sent with an Idempotency-Key are kept for their retries. */
@ConfigMapping(prefix = "network-pin.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key answers its retries. A retry later than this is a new request: it should outlast
     * any client's retrying (a gateway gives up after seconds; a contracting system's batch may rerun
     * the next day).
     */
    @WithDefault("PT24H")
    Duration retention();

    /** How often the expired answers are deleted (a Quarkus scheduler period, or {@code off}). */
    @WithDefault("1h")
    String purgeEvery();
}
