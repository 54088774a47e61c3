package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Prometheus alert rules of deploy/ are what Prometheus loads: .ci/run installs Debian's promtool. */
class AlertRulesTest {

    @Test
    void alertRulesAreValid() throws Exception {
        String output = RepositoryTool.check("/usr/bin/promtool", ".ci/run installs Debian's prometheus",
                "check", "rules", "deploy/prometheus/alerts.yml");

        assertTrue(output.contains("SUCCESS: 7 rules found"), output);
    }
}
