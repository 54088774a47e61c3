package com.networkpin.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service answers without a token once started: ready with its database and Kafka, and
 * its OpenAPI document under its own name. A service's {@code @QuarkusTest} extends it, naming the
 * service.
 */
public abstract class ReadinessContract {

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
                .body("info.title", equalTo("network-pin: " + service));
    }
}
