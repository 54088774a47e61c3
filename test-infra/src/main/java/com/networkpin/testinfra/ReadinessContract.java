package com.networkpin.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What every service answers without a token once started: ready with its database and Kafka, and
 * its OpenAPI document under its own name, with a license, servers, the bearer scheme, and for every
 * operation a unique id and its security requirement. A service's {@code @QuarkusTest} extends it, naming the
 * service.
 */
public abstract class ReadinessContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final String service;

    protected ReadinessContract(String service) {
        this.service = service;
    }

    @Test
    void givenTheServiceStarted_whenAskedForReadiness_thenItIsUpWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Kafka connection health check"));
    }

    @Test
    void givenTheServiceStarted_whenAskedForItsOpenApiDocument_thenItIsPublishedUnderTheServicesName() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("network-pin: " + service))
                .body("info.license.name", notNullValue())
                .body("servers.url", not(empty()))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    }

    /** What a client generator needs: a unique, stable name for every operation, and who may call it. */
    @Test
    void givenItsOpenApiDocument_thenEveryOperationHasAUniqueIdAndDeclaresItsSecurity() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            Object id = operation.get("operationId");
            assertNotNull(id, method + " " + path + " has no operationId");
            ids.add(id.toString());
            assertNotNull(operation.get("security"), method + " " + path + " declares no security");
        }));
        assertEquals(ids.size(), Set.copyOf(ids).size(), "operationIds are unique: " + ids);
    }

    /**
     * The document as a client generator's user would lint it: Redocly CLI's recommended rules
     * (.ci/run installs it under .ci/tools; skipped where it is not). The document is kept under
     * target/openapi/ for the client generation and for reading.
     */
    @Test
    void givenItsOpenApiDocument_thenRedoclysRecommendedRulesFindNoError() throws Exception {
        Path document = Path.of("target", "openapi", service + ".json");
        Files.createDirectories(document.getParent());
        Files.writeString(document, given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Path redocly = Path.of("..", ".ci", "tools", "node_modules", ".bin", "redocly");
        assumeTrue(Files.isExecutable(redocly), "Redocly CLI is not installed (.ci/run installs it under .ci/tools)");

        Process lint = new ProcessBuilder(redocly.toString(), "lint", "--extends=recommended", "--format=stylish",
                document.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes());

        assertTrue(lint.waitFor(120, TimeUnit.SECONDS), "redocly lint finished");
        assertEquals(0, lint.exitValue(), output);
    }
}
