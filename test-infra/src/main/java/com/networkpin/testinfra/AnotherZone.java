package com.networkpin.testinfra;

import com.networkpin.events.JapanTime;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.ZoneId;
import java.util.Map;

/** A test profile running a service with the system's one zone setting moved away from Japan. */
public class AnotherZone implements QuarkusTestProfile {

    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(JapanTime.ZONE_PROPERTY, ZONE.getId());
    }
}
