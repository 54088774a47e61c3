package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.agentToken;
import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.sessionOf;
import static com.networkpin.pin.Callers.subjectOf;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.countAllEvents;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.footprint;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.JapanTime;
import com.networkpin.support.MovableClock;
import com.networkpin.support.security.Roles;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class DisclosureTest {

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @Test
    void givenTheMannedChatClosed_whenDisclosing_thenRefusedNamingTheNextOpeningAndNothingAppended() {
        clock.moveTo(tokyo("2031-06-01T08:59:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        long before = countAllEvents(pool);

        disclose(contract).statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("OUTSIDE_MANNED_HOURS"))
                .body("mannedChatOpensAt", equalTo(JapanTime.format(tokyo("2031-06-01T09:00:00"))));
        clock.moveTo(tokyo("2031-06-01T20:00:00"));
        disclose(contract).statusCode(409).body("mannedChatOpensAt", equalTo(JapanTime.format(tokyo("2031-06-02T09:00:00"))));

        assertEquals(before, countAllEvents(pool));
    }

    @Test
    void givenMannedHours_whenDisclosing_thenThePinOnceUncachedUpToTheDailyLimit() {
        clock.moveTo(tokyo("2031-06-01T09:00:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);

        for (int i = 0; i < 3; i++) {
            disclose(contract).statusCode(200)
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .body("pin", equalTo("5294"));
        }
        clock.moveTo(tokyo("2031-06-01T19:59:00"));
        disclose(contract).statusCode(429).contentType("application/problem+json")
                .body("reason", equalTo("DAILY_DISCLOSURE_LIMIT"))
                .header("Retry-After", equalTo(String.valueOf(4 * 3600 + 60))); // until 00:00, rounded up
        assertEquals(3, countEvents(pool, contract, "PinDisclosed"));

        clock.moveTo(tokyo("2031-06-02T09:30:00"));
        disclose(contract).statusCode(200).body("pin", equalTo("5294"));
        as(agentToken()).when().get("/contracts/{id}/pin/history", contract).then()
                .body("[1].type", equalTo("PinDisclosed"))
                .body("[1].data.agentId", equalTo(subjectOf(agentToken())))
                .body("[1].data.agentSessionId", equalTo(sessionOf(agentToken())))
                .body("[1].data.identityCheck", equalTo("CALLBACK_TO_CONTRACT_LINE"))
                .body("[1].data.identityCheckRef", equalTo("CASE-77"))
                .body("[1].data.pin", equalTo(null));
    }

    /** The agent is whoever the token says; an agentId an older console still sends is ignored, not a 400. */
    @Test
    void givenAnAgentIdInTheBody_whenDisclosing_thenTheEventNamesTheTokensSubjectInstead() {
        clock.moveTo(tokyo("2031-06-03T11:00:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        String agent = subjectOf(agentToken());

        as(agentToken()).contentType("application/json")
                .body(Map.of("agentId", "agent-forged", "identityCheck", "KNOWLEDGE_QUESTIONS",
                        "identityCheckRef", "CASE-78"))
                .when().post("/contracts/{id}/pin/disclosures", contract)
                .then().statusCode(200).body("pin", equalTo("5294"));

        assertEquals(agent, pool.preparedQuery(
                        "SELECT data->>'agentId' FROM es_event WHERE stream_id = $1 AND event_type = 'PinDisclosed'")
                .execute(Tuple.of(contract)).await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0));
        as(agentToken()).when().get("/contracts/{id}/pin/history", contract).then()
                .body("find { it.type == 'PinDisclosed' }.data.agentId", equalTo(agent))
                .body(not(containsString("agent-forged")));
    }

    /** The method comes from the fixed list an agent chooses from, the reference is a case number: else 400, nothing written. */
    @ParameterizedTest
    @MethodSource("invalidChecks")
    void givenAnIdentityCheckOutsideTheList_whenDisclosing_thenRefused400AndNothingWritten(Map<String, Object> body,
                                                                                          String field) {
        clock.moveTo(tokyo("2031-06-03T12:00:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        String before = footprint(pool, contract);

        as(agentToken()).contentType("application/json").body(body)
                .when().post("/contracts/{id}/pin/disclosures", contract)
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString(field))
                .body(not(containsString("5294")));

        assertEquals(before, footprint(pool, contract));
    }

    static Stream<Arguments> invalidChecks() {
        return Stream.of(
                Arguments.of(Map.of("identityCheckRef", "CASE-1"), "identityCheck"),
                Arguments.of(Map.of("identityCheck", "PASSPORT", "identityCheckRef", "CASE-1"), "identityCheck"),
                Arguments.of(Map.of("identityCheck", "NOT_RECORDED", "identityCheckRef", "CASE-1"), "identityCheck"),
                Arguments.of(Map.of("identityCheck", "knowledge_questions", "identityCheckRef", "CASE-1"), "identityCheck"),
                Arguments.of(Map.of("identityCheck", "KNOWLEDGE_QUESTIONS"), "identityCheckRef"),
                Arguments.of(Map.of("identityCheck", "KNOWLEDGE_QUESTIONS",
                        "identityCheckRef", "born 1980-01-01, licence 1234"), "identityCheckRef"));
    }

    /** The session is the token's: a token without one (a machine client's, even with the role) discloses nothing. */
    @Test
    void givenATokenWithoutASignInSession_whenDisclosing_thenForbiddenAndNothingWritten() {
        clock.moveTo(tokyo("2031-06-03T13:00:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        String machine = tokens().clientToken(Roles.SUPPORT_AGENT, List.of("pin-service"), 300);
        assertEquals(null, sessionOf(machine));
        String before = footprint(pool, contract);

        as(machine).contentType("application/json")
                .body(Map.of("identityCheck", "KNOWLEDGE_QUESTIONS", "identityCheckRef", "CASE-79"))
                .when().post("/contracts/{id}/pin/disclosures", contract)
                .then().statusCode(403).body("detail", containsString("session"));

        assertEquals(before, footprint(pool, contract));
    }

    @Test
    void givenNoPin_whenDisclosing_thenNotFound() {
        clock.moveTo(tokyo("2031-06-01T10:00:00"));
        disclose(newContractId()).statusCode(404).body("reason", equalTo("PIN_NOT_SET"));
    }

    private static ValidatableResponse disclose(String contract) {
        return as(agentToken()).contentType("application/json")
                .body(Map.of("identityCheck", "CALLBACK_TO_CONTRACT_LINE", "identityCheckRef", "CASE-77"))
                .when().post("/contracts/{id}/pin/disclosures", contract).then();
    }
}
