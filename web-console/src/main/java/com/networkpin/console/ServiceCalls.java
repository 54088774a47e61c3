package com.networkpin.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The resilience of every call the pages make to the services ({@link Services}): a page waits for no
 * service longer than {@code connect-timeout} plus {@code read-timeout}, and shows "busy, try again" instead.
 */
@ConfigMapping(prefix = "network-pin.console.calls")
public interface ServiceCalls {

    /** How long a call may take to open its connection (a service down or unreachable). */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /**
     * How long a call may wait for the service's answer once sent. Longer than the services' own deadline to
     * start a request (the reservation-service's booking path: 1 s), so that they refuse first, with their
     * Retry-After.
     */
    @WithDefault("PT5S")
    Duration readTimeout();

    /** The Retry-After the console answers when a service timed out or refused the connection (it named none). */
    @WithDefault("PT5S")
    Duration retryAfter();
}
