package com.networkpin.pin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest {

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Kafka connection health check"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("network-pin: pin-service"));
    }

    /** Without a token: the document says which operations want a bearer token and what their refusals mean. */
    @Test
    void theOpenApiDocumentNamesTheBearerTokenAndTheRefusals() {
        String verify = "paths.'/contracts/{contractId}/pin/verifications'.post";
        String reset = "paths.'/contracts/{contractId}/pin/reset'.post";
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(verify + ".security", not(empty()))
                .body(verify + ".responses.'401'", notNullValue())
                .body(verify + ".responses.'403'.description", containsString("channel-not-allowed"))
                .body(reset + ".responses.'403'.description", containsString("grant-of-another-shop"));
    }
}
