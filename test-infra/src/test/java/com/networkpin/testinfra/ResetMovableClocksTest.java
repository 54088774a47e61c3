package com.networkpin.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networkpin.support.MovableClock;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

class ResetMovableClocksTest {

    private static final Instant REAL_TIME = Instant.parse("2030-01-10T00:00:00Z");

    /** A test as the extension sees it: a clock in a field, here an inherited one. */
    static class MovesTheClock {
        final MovableClock clock = new MovableClock(Clock.fixed(REAL_TIME, ZoneOffset.UTC));
    }

    static class MovesItInASubclass extends MovesTheClock {
    }

    @Test
    void givenATestThatMovedItsClock_whenItEnds_thenTheClockIsBackOnRealTime() throws Exception {
        MovesItInASubclass test = new MovesItInASubclass();
        test.clock.advance(Duration.ofDays(1));

        new ResetMovableClocks().afterEach(contextOf(test));

        assertEquals(REAL_TIME, test.clock.instant());
    }

    @Test
    void givenATestThatHoldsNoMovableClock_whenItEnds_thenTheExtensionSaysItIsMisplaced() {
        assertThrows(IllegalStateException.class, () -> new ResetMovableClocks().afterEach(contextOf(new Object())));
    }

    private static ExtensionContext contextOf(Object testInstance) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequiredTestInstance")) {
                        return testInstance;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
