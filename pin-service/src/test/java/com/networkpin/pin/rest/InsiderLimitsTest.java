package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.subjectOf;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.awaitGrants;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.footprint;
import static com.networkpin.pin.TestData.identityVerified;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.VisitPurpose;
import com.networkpin.support.MovableClock;
import com.networkpin.support.security.Roles;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits on the people with power over PINs, with small limits: 2 disclosures per agent per hour, 3 per
 * 24 hours, 1 reset per staff member per 24 hours. Each test acts as people of its own, so no other test's
 * actions count.
 */
@QuarkusTest
@TestProfile(InsiderLimitsTest.SmallLimits.class)
@ExtendWith(ResetMovableClocks.class)
class InsiderLimitsTest {

    private static final String SHOP = "insider-limits-shop";

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.pin.insiders.disclosures-per-agent-hour", "2",
                    "network-pin.pin.insiders.disclosures-per-agent-day", "3",
                    "network-pin.pin.insiders.resets-per-staff-day", "1");
        }
    }

    @Test
    void givenAnAgentAtItsHourlyAndDailyLimits_whenDisclosingAgain_thenRefused429UntilTheWindowFreesAndCounted() {
        String agent = tokens().user(tokens().ensureUser("agent-" + UUID.randomUUID(), Roles.SUPPORT_AGENT, Map.of()));
        String[] contracts = {pinned(), pinned(), pinned(), pinned()};
        clock.moveTo(tokyo("2032-03-01T10:00:00"));
        disclose(agent, contracts[0]).statusCode(200);
        clock.moveTo(tokyo("2032-03-01T10:20:00"));
        disclose(agent, contracts[1]).statusCode(200);
        String before = footprint(pool, contracts[2]);

        disclose(agent, contracts[2]).statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/agent-disclosure-limit"))
                .body("reason", equalTo("AGENT_DISCLOSURE_LIMIT"))
                .header("Retry-After", about(40 * 60)); // the first leaves the hour at 11:00
        assertEquals(before, footprint(pool, contracts[2]), "a refusal writes nothing");
        String otherAgent = tokens().user(tokens().ensureUser("agent-" + UUID.randomUUID(), Roles.SUPPORT_AGENT, Map.of()));
        disclose(otherAgent, contracts[2]).statusCode(200); // another agent's limits are its own

        clock.moveTo(tokyo("2032-03-01T11:00:01"));
        disclose(agent, contracts[2]).statusCode(200);
        clock.moveTo(tokyo("2032-03-01T15:00:00"));
        disclose(agent, contracts[3]).statusCode(429).body("detail", containsString("24 hours"))
                .header("Retry-After", about(19 * 3600)); // the first leaves the day at 10:00 tomorrow
        assertEquals(0, countEvents(pool, contracts[3], "PinDisclosed"));
        assertEquals(2.0, refusedMetric("disclosure", subjectOf(agent)), 0.0);
    }

    @Test
    void givenAStaffMemberAtItsDailyResetLimit_whenResettingAnother_thenRefused429AndTheGrantStaysUsable() {
        String staff = tokens().user(tokens().ensureUser("staff-" + UUID.randomUUID(), Roles.SHOP_STAFF,
                Map.of("shop_id", SHOP)));
        clock.moveTo(tokyo("2032-04-01T10:00:00"));
        String first = granted();
        String second = granted();
        reset(staff, first).statusCode(200);
        String before = footprint(pool, second);

        reset(staff, second).statusCode(429).body("type", equalTo("/problems/staff-reset-limit"))
                .header("Retry-After", about(24 * 3600));
        assertEquals(before, footprint(pool, second), "nothing written, the grant still unused");
        String colleague = tokens().user(tokens().ensureUser("staff-" + UUID.randomUUID(), Roles.SHOP_STAFF,
                Map.of("shop_id", SHOP)));
        reset(colleague, second).statusCode(200);
        assertEquals(1.0, refusedMetric("reset", subjectOf(staff)), 0.0);
    }

    /** Seconds, give or take one: the moved clock goes on ticking between the two actions. */
    private static Matcher<String> about(int seconds) {
        return anyOf(equalTo(String.valueOf(seconds - 1)), equalTo(String.valueOf(seconds)), equalTo(String.valueOf(seconds + 1)));
    }

    private static String pinned() {
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        return contract;
    }

    /** A contract with a PIN and a reset grant of a visit at {@link #SHOP}; its reservation number is the contract's. */
    private String granted() {
        String contract = pinned();
        identityVerified(contract, "R-" + contract, SHOP, VisitPurpose.PIN_RESET, clock.instant());
        awaitGrants(pool, contract, 1);
        return contract;
    }

    private static ValidatableResponse disclose(String token, String contract) {
        return as(token).contentType("application/json").body(Map.of("identityCheck", "KNOWLEDGE_QUESTIONS", "identityCheckRef", "CASE-LIMITS"))
                .when().post("/contracts/{id}/pin/disclosures", contract).then();
    }

    private static ValidatableResponse reset(String token, String contract) {
        return as(token).contentType("application/json").body(Map.of("reservationNumber", "R-" + contract, "newPin", "8031"))
                .when().post("/contracts/{id}/pin/reset", contract).then();
    }

    private static double refusedMetric(String action, String actor) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("network_pin_pin_insider_refused_total{")
                        && line.contains("action=\"" + action + "\"") && line.contains("actor=\"" + actor + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
