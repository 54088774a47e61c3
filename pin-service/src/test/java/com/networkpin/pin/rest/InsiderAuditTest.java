package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.asOperator;
import static com.networkpin.pin.Callers.claimOf;
import static com.networkpin.pin.Callers.sessionOf;
import static com.networkpin.pin.Callers.subjectOf;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.JapanTime;
import com.networkpin.pin.domain.InsiderQuery;
import com.networkpin.support.MovableClock;
import com.networkpin.support.security.Roles;
import com.networkpin.testinfra.BadTokens;
import com.networkpin.testinfra.Metrics;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail of disclosures and resets as operations query it, and every refused request counted by who
 * was refused.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class InsiderAuditTest {

    private static final String TRAIL = "/audit/insider-actions";

    @Inject
    MovableClock clock;

    @Test
    void givenAnAgentsDisclosures_whenAnOperatorAsksForThatPerson_thenEachWithSessionMethodAndCaseNewestFirstInPages() {
        String agent = freshAgent();
        clock.moveTo(tokyo("2033-03-01T10:00:00"));
        String first = disclosed(agent, "KNOWLEDGE_QUESTIONS", "CASE-A1");
        clock.moveTo(tokyo("2033-03-01T11:00:00"));
        String second = disclosed(agent, "CALLBACK_TO_CONTRACT_LINE", "CASE-A2");
        String person = subjectOf(agent);

        JsonPath page1 = asOperator().queryParam("person", person).queryParam("limit", 1)
                .queryParam("from", JapanTime.format(tokyo("2033-03-01T00:00:00")))
                .queryParam("to", JapanTime.format(tokyo("2033-03-02T00:00:00")))
                .when().get(TRAIL).then().statusCode(200).body("entries", hasSize(1))
                .body("entries[0].contractId", equalTo(second))
                .body("entries[0].action", equalTo("disclosure"))
                .body("entries[0].actorId", equalTo(person))
                .body("entries[0].sessionId", equalTo(sessionOf(agent)))
                .body("entries[0].identityCheck", equalTo("CALLBACK_TO_CONTRACT_LINE"))
                .body("entries[0].reference", equalTo("CASE-A2"))
                .extract().jsonPath();
        long next = page1.getLong("nextBefore");

        asOperator().queryParam("person", person).queryParam("limit", 1).queryParam("before", next)
                .queryParam("from", JapanTime.format(tokyo("2033-03-01T00:00:00")))
                .queryParam("to", JapanTime.format(tokyo("2033-03-02T00:00:00")))
                .when().get(TRAIL).then().statusCode(200)
                .body("entries", hasSize(1)).body("entries[0].contractId", equalTo(first))
                .body("entries[0].identityCheck", equalTo("KNOWLEDGE_QUESTIONS"))
                .body("nextBefore", nullValue());
        asOperator().queryParam("person", person)
                .queryParam("from", JapanTime.format(tokyo("2033-03-01T10:30:00")))
                .queryParam("to", JapanTime.format(tokyo("2033-03-02T00:00:00")))
                .when().get(TRAIL).then().statusCode(200)
                .body("entries", hasSize(1)).body("entries[0].contractId", equalTo(second));
        asOperator().queryParam("person", person).queryParam("limit", InsiderQuery.MAX_LIMIT)
                .queryParam("from", JapanTime.format(tokyo("2033-03-01T00:00:00")))
                .queryParam("to", JapanTime.format(tokyo("2033-03-02T00:00:00")))
                .when().get(TRAIL).then().statusCode(200)
                .body("entries", hasSize(2)).body("nextBefore", nullValue());
        asOperator().queryParam("person", person).queryParam("action", "reset")
                .queryParam("from", JapanTime.format(tokyo("2033-03-01T00:00:00")))
                .queryParam("to", JapanTime.format(tokyo("2033-03-02T00:00:00")))
                .when().get(TRAIL).then().statusCode(200).body("entries", hasSize(0));
    }

    @Test
    void givenAQuestionOutsideTheBounds_whenAsked_thenRefused400SayingWhich() {
        Map<String, Map<String, Object>> bad = Map.of(
                "limit", Map.of("limit", 201),
                "from", Map.of("from", "yesterday"),
                "'from' must be before", Map.of("from", "2033-03-02T00:00:00+09:00", "to", "2033-03-01T00:00:00+09:00"),
                "366 days", Map.of("from", "2030-01-01T00:00:00+09:00", "to", "2033-01-01T00:00:00+09:00"),
                "'action'", Map.of("action", "verify"),
                "'before'", Map.of("before", "x"));
        bad.forEach((says, params) -> asOperator().queryParams(params).when().get(TRAIL).then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString(says)));
    }

    @Test
    void givenAnyoneButAnOperator_whenAskingForTheTrail_thenRefusedAndCountedByWhoWasRefused() {
        String agent = freshAgent();
        String known = tokens().user("agent1"); // its client, the development tokens' client, has been verified here
        asOperator().when().get(TRAIL).then().statusCode(200);
        Metrics before = Metrics.scrape();

        as(agent).when().get(TRAIL).then().statusCode(403);
        given().when().get(TRAIL).then().statusCode(401);
        as(BadTokens.withClaim(known, "exp", "1")).when().get(TRAIL).then().statusCode(401);
        as(BadTokens.withClaim(known, "azp", "made-up-" + UUID.randomUUID())).when().get(TRAIL).then().statusCode(401);
        as(tokens().customer(newContractId())).when().get(TRAIL).then().statusCode(403);
        as(tokens().client("chatbot")).when().get(TRAIL).then().statusCode(403);

        Metrics after = Metrics.scrape();
        assertEquals(1.0, after.since(before, refused(403, subjectOf(agent))));
        assertEquals(1.0, after.since(before, refused(401, "anonymous")));
        assertEquals(1.0, after.since(before, refused(401, claimOf(known, "azp"))));
        assertEquals(1.0, after.since(before, refused(401, "unverified")));
        assertEquals(1.0, after.since(before, refused(403, "customer")));
        assertEquals(1.0, after.since(before, refused(403, "chatbot")));
        assertEquals(false, after.text().contains("made-up-"), "an unverified client never becomes a label");
    }

    private static String refused(int status, String principal) {
        return "network_pin_http_refused_total{principal=\"" + principal + "\",service=\"pin-service\",status=\""
                + status + "\"}";
    }

    private static String freshAgent() {
        return tokens().user(tokens().ensureUser("agent-" + UUID.randomUUID(), Roles.SUPPORT_AGENT, Map.of()));
    }

    /** A new contract whose PIN {@code agent} disclosed; its id. */
    private static String disclosed(String agent, String check, String caseRef) {
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        as(agent).contentType("application/json").body(Map.of("identityCheck", check, "identityCheckRef", caseRef))
                .when().post("/contracts/{id}/pin/disclosures", contract).then().statusCode(200);
        return contract;
    }
}
