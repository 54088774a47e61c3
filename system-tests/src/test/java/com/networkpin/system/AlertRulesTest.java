package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules and the Grafana dashboard's queries of deploy/ are what Prometheus
 * loads: .ci/run installs Debian's promtool.
 */
class AlertRulesTest {

    private static final String PROMTOOL = "/usr/bin/promtool";
    private static final String INSTALLED_BY = ".ci/run installs Debian's prometheus";

    @Test
    void alertRulesAreValid() throws Exception {
        String output = RepositoryTool.check(PROMTOOL, INSTALLED_BY, "check", "rules", "deploy/prometheus/alerts.yml");

        assertTrue(output.contains("SUCCESS: 9 rules found"), output);
    }

    /** The rules fire on series that cross their thresholds, and not before (deploy/prometheus/alerts-test.yml). */
    @Test
    void alertRulesFireOnTheirTestSeries() throws Exception {
        String output = RepositoryTool.check(PROMTOOL, INSTALLED_BY, "test", "rules", "deploy/prometheus/alerts-test.yml");

        assertTrue(output.contains("SUCCESS"), output);
    }

    /** Each panel's query as a recording rule: promtool then parses every one as PromQL. */
    @Test
    void dashboardQueriesAreValidPromQl() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../deploy/grafana/network-pin.json").toFile());
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queries++;
                rules.append("      - record: dashboard:query_").append(queries).append('\n')
                        .append("        expr: ").append(new ObjectMapper().writeValueAsString(target.get("expr").asText()))
                        .append('\n');
            }
        }
        Path file = Files.createTempFile(Path.of("target"), "dashboard-queries", ".yml");
        Files.writeString(file, rules);

        String output = RepositoryTool.check(PROMTOOL, INSTALLED_BY, "check", "rules",
                Path.of("system-tests").resolve(file).toString());

        assertTrue(output.contains("SUCCESS: " + queries + " rules found"), output);
    }
}
