package com.networkpin.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The one switch of the demo clock, for the whole system: {@code network-pin.demo-clock.enabled} serves every
 * service's operator endpoint that moves its clock ({@link DemoClock}). Demos and tests only, never in production.
 */
@ConfigMapping(prefix = "network-pin.demo-clock")
public interface DemoClockConfig {

    @WithDefault("false")
    boolean enabled();
}
