package com.networkpin.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON      | {\"name\": 4821               | 400 | /problems/malformed-json",
            "wrong type          | {\"name\":\"a\",\"times\":\"4821x\"} | 400 | /problems/invalid-body",
            "not an object       | [4821]                        | 400 | /problems/invalid-body",
            "validation          | {\"name\":\"\",\"code\":\"48213\"} | 400 | /problems/validation",
            "domain refusal      | {\"name\":\"refuse\"}          | 409 | /problems/refused",
            "unexpected failure  | {\"name\":\"crash\"}           | 500 | /problems/internal",
            "database away       | {\"name\":\"database-away\"}   | 503 | /problems/database-unavailable",
            "pool wait queue full | {\"name\":\"pool-full\"}     | 503 | /problems/overloaded",
            "pool wait timed out | {\"name\":\"pool-timeout\"}   | 503 | /problems/overloaded",
            "pooled query timed out | {\"name\":\"query-pool-timeout\"} | 503 | /problems/overloaded",
            "database starting   | {\"name\":\"database-starting\"} | 503 | /problems/database-unavailable",
            "a demoted primary (read-only) | {\"name\":\"database-read-only\"} | 503 | /problems/database-unavailable",
            "connection lost mid-commit | {\"name\":\"database-connection-closed\"} | 503 | /problems/database-unavailable",
            "database shutting down (Hibernate) | {\"name\":\"database-shutting-down\"} | 503 | /problems/database-unavailable",
            "duplicate key (Hibernate) | {\"name\":\"duplicate\"} | 500 | /problems/internal",
            "body over the limit | {\"name\":\"4821 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"} | 413 | /problems/body-too-large"})
    void everyFailureIsAProblemThatEchoesNoInput(String why, String body, int status, String type) {
        given().contentType("application/json").body(body)
                .when().post("/echo")
                .then().log().ifValidationFails().statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body(not(containsString("4821")));
    }

    @Test
    void unknownPathsAndMethodsAndMediaTypesAreProblemsToo() {
        given().when().get("/nowhere").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("/problems/not-found"));
        given().when().get("/echo").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().contentType("text/plain").body("x").when().post("/echo").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aFailureWhileTheDatabaseIsAwayTellsTheClientWhenToTryAgain() {
        given().contentType("application/json").body("{\"name\":\"database-away\"}")
                .when().post("/echo")
                .then().statusCode(503).header("Retry-After", "5");
    }

    @Test
    void aCommandTheDatabasePoolCannotQueueIsRefusedAsOverloadedWithRetryAfter() {
        given().contentType("application/json").body("{\"name\":\"pool-full\"}")
                .when().post("/echo")
                .then().statusCode(503).header("Retry-After", "1").body("title", equalTo("Overloaded"));
    }

    @Test
    void extensionMembersReachTheClient() {
        given().contentType("application/json").body("{\"name\":\"refuse\"}")
                .when().post("/echo")
                .then().statusCode(409).body("reason", equalTo("ON_PURPOSE"));
    }
}
