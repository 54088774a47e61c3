package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.asOperator;
import static org.hamcrest.Matchers.equalTo;

import com.networkpin.support.MovableClock;
import com.networkpin.support.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DemoClockDisabledTest.Production.class)
class DemoClockDisabledTest {

    /** The demo clock as in the prod profile. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.demo-clock.enabled", "false");
        }
    }

    @Inject
    MovableClock clock;

    @Test
    void theDemoClockIsAbsentWhenDisabled() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

        asOperator().contentType("application/json").body(Map.of("now", tomorrow.toString()))
                .post("/admin/clock").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));

        Assertions.assertTrue(clock.instant().isBefore(tomorrow.minus(Duration.ofHours(1))), "the clock did not move");
    }
}
