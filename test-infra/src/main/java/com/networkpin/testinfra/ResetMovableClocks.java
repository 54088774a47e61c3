package com.networkpin.testinfra;

import com.networkpin.support.MovableClock;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that move the service's {@link MovableClock} (past a midnight, to a visit's date) instead
 * of waiting: after each test, every movable clock the test holds in a field is back on real time, so
 * the next test starts from now whatever the order. {@code @ExtendWith(ResetMovableClocks.class)}.
 */
public final class ResetMovableClocks implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws ReflectiveOperationException {
        Object test = context.getRequiredTestInstance();
        List<Object> clocks = clocksOf(test);
        if (clocks.isEmpty()) {
            throw new IllegalStateException(test.getClass().getName() + " resets movable clocks but holds none");
        }
        for (Object clock : clocks) {
            // By name: a @QuarkusTest's fields hold classes of the application's class loader.
            clock.getClass().getMethod("reset").invoke(clock);
        }
    }

    private static List<Object> clocksOf(Object test) throws IllegalAccessException {
        List<Object> clocks = new ArrayList<>();
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType().getName().equals(MovableClock.class.getName())) {
                    field.setAccessible(true);
                    Object clock = field.get(test);
                    if (clock != null) {
                        clocks.add(clock);
                    }
                }
            }
        }
        return clocks;
    }
}
