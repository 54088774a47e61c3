package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a cluster needs from each service's manifest in deploy/kubernetes/, checked without a cluster. */
class KubernetesManifestsTest {

    private static final List<String> SERVICES = List.of("pin-service", "lock-scheduler", "reservation-service");

    @Test
    void everyServiceRunsReplicatedWithItsProbesResourcesAndSecretsFromTheCluster() throws Exception {
        for (String service : SERVICES) {
            List<JsonNode> documents = read(new File("../deploy/kubernetes/" + service + ".yml"));
            JsonNode deployment = documents.stream().filter(d -> d.get("kind").asText().equals("Deployment")).findFirst()
                    .orElseThrow();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");

            assertTrue(deployment.at("/spec/replicas").asInt() > 1, service + " runs more than one replica");
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), service);
            assertFalse(container.at("/resources/requests/memory").isMissingNode(), service + " requests memory");
            for (JsonNode variable : container.get("env")) {
                if (variable.get("name").asText().matches(".*(PASSWORD|SECRET|KEY).*")) {
                    assertFalse(variable.at("/valueFrom/secretKeyRef").isMissingNode(),
                            service + ": " + variable.get("name").asText() + " comes from a Secret");
                }
            }
            assertTrue(documents.stream().anyMatch(d -> d.get("kind").asText().equals("Service")), service);
        }
    }

    private static List<JsonNode> read(File file) throws Exception {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file)) {
            mapper.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }
}
