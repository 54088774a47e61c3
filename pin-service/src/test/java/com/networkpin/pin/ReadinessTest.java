package com.networkpin.pin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.networkpin.testinfra.ReadinessContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest extends ReadinessContract {

    ReadinessTest() {
        super("pin-service");
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
