package com.networkpin.console;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The console's time: the system clock, injected so that pages and tests read one source. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(Jst.JAPAN);
    }
}
