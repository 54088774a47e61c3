package com.networkpin.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "network-pin.scheduler")
public interface SchedulerConfig {

    /**
     * How often the scheduler looks whether a midnight is due (read by the tick's {@code @Scheduled}
     * expression; declared here so that a malformed value fails the start-up).
     */
    @WithDefault("1s")
    Duration tickEvery();

    Metrics metrics();

    interface Metrics {
        /** How often the gauges read the projection (a Quarkus scheduler period). */
        @WithDefault("10s")
        String refreshEvery();
    }
}
