package com.networkpin.eventstore;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The time of event-store's own test application. Each service produces its movable {@code Clock}
 * (service-support); this module's tests have no service, so the beans that need the time get the system's.
 */
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
