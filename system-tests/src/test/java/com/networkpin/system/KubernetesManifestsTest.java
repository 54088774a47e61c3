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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Each service's manifest in deploy/kubernetes/ is the one quarkus-kubernetes wrote when the service was
 * packaged (target/kubernetes/kubernetes.yml, from its quarkus.kubernetes.* settings), and it has what a
 * cluster needs; checked without a cluster.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES = List.of("pin-service", "lock-scheduler", "reservation-service");

    @Test
    void theCommittedManifestsAreTheOnesTheBuildGenerates() throws Exception {
        for (String service : SERVICES) {
            File generated = new File("../" + service + "/target/kubernetes/kubernetes.yml");
            assertTrue(generated.isFile(), generated + " is missing: package " + service
                    + " first (./mvnw -pl system-tests -am verify does)");
            // Compared as data: the generator's key order may change from one build to the next.
            List<JsonNode> expected = read(generated);
            List<JsonNode> actual = read(committed(service));
            String refresh = "deploy/kubernetes/" + service + ".yml differs from what the build generates: cp "
                    + service + "/target/kubernetes/kubernetes.yml deploy/kubernetes/" + service + ".yml";
            assertEquals(expected.size(), actual.size(), refresh);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), refresh + " (" + expected.get(i).get("kind").asText() + ")");
            }
        }
    }

    @Test
    void everyServiceRunsReplicatedWithItsProbesResourcesAndSecretsFromTheCluster() throws Exception {
        for (String service : SERVICES) {
            List<JsonNode> documents = read(committed(service));
            JsonNode deployment = documents.stream().filter(d -> d.get("kind").asText().equals("Deployment")).findFirst()
                    .orElseThrow();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");

            assertTrue(deployment.at("/spec/replicas").asInt() > 1, service + " runs more than one replica");
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), service);
            assertFalse(container.at("/resources/requests/memory").isMissingNode(), service + " requests memory");
            assertFalse(container.at("/resources/requests/cpu").isMissingNode(), service + " requests CPU");
            assertEquals("prod", env(container, "QUARKUS_PROFILE").at("/value").asText(), service + " runs the prod profile");
            for (String credential : List.of("DB_USER", "DB_PASSWORD", "KAFKA_PASSWORD")) {
                assertEquals(service, env(container, credential).at("/valueFrom/secretKeyRef/name").asText(),
                        service + ": " + credential + " comes from the Secret " + service);
            }
            for (JsonNode variable : container.get("env")) {
                if (variable.get("name").asText().matches(".*(PASSWORD|SECRET|KEY).*")) {
                    assertFalse(variable.at("/valueFrom/secretKeyRef").isMissingNode(),
                            service + ": " + variable.get("name").asText() + " comes from a Secret");
                }
            }
            assertTrue(documents.stream().anyMatch(d -> d.get("kind").asText().equals("Service")), service);
        }
    }

    @Test
    void thePinServiceReadsItsPeppersAndKeysFromTheirSecret() throws Exception {
        JsonNode deployment = read(committed("pin-service")).stream()
                .filter(d -> d.get("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        assertEquals("pin-service-keys", deployment.at("/spec/template/spec/containers/0/envFrom/0/secretRef/name").asText());
    }

    private static File committed(String service) {
        return new File("../deploy/kubernetes/" + service + ".yml");
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.get("env").spliterator(), false)
                .filter(variable -> variable.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
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
