package com.networkpin.reservation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.networkpin.testinfra.ReadinessContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest extends ReadinessContract {

    ReadinessTest() {
        super("reservation-service");
    }

    @Test
    void theOpenApiDocumentSaysWhoMayCall() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Object> checkIn = paths.get("/reservations/{number}/check-in").get("post");
        assertThat(responses(checkIn).keySet(), hasItems("401", "403"));
        assertThat(responses(checkIn).get("403").get("description").toString(), containsString("shop"));
        assertThat(responses(paths.get("/reservations").get("post")).keySet(), hasItems("401", "403"));
        assertThat(responses(paths.get("/shops").get("get")).keySet(), not(hasItem("401")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> responses(Map<String, Object> operation) {
        return (Map<String, Map<String, Object>>) operation.get("responses");
    }
}
