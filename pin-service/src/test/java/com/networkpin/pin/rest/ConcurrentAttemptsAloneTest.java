package com.networkpin.pin.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** The same race with group commit off: each verification in a transaction of its own. */
@QuarkusTest
@TestProfile(ConcurrentAttemptsAloneTest.GroupCommitOff.class)
class ConcurrentAttemptsAloneTest extends ConcurrentAttemptsTest {

    public static class GroupCommitOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.pin.group-commit.enabled", "false");
        }
    }
}
