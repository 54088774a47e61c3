package com.networkpin.scheduler.rest;

import static com.networkpin.scheduler.Callers.asOperator;
import static com.networkpin.scheduler.rest.ProblemAssertions.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
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

    @Test
    void theDemoClockIsAbsentWhenDisabled() {
        assertProblem(asOperator().post("/admin/clock/next-midnight").then(), 404);
        asOperator().get("/midnights/next").then().statusCode(200);
    }
}
