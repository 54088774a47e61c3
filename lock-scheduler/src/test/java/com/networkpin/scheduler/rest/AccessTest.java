package com.networkpin.scheduler.rest;

import static com.networkpin.scheduler.Callers.as;
import static com.networkpin.scheduler.Callers.asOperator;
import static com.networkpin.scheduler.rest.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.support.security.Roles;
import com.networkpin.testinfra.BadTokens;
import com.networkpin.testinfra.EndpointRules;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every endpoint of the scheduler is the operator's: the role matrix with real Keycloak tokens. */
@QuarkusTest
class AccessTest {

    record Call(String method, String path) {
        io.restassured.response.Response by(RequestSpecification request) {
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Call> CALLS = List.of(
            new Call("GET", "/locks"), new Call("GET", "/locks/C-1"),
            new Call("GET", "/midnights"), new Call("GET", "/midnights/next"), new Call("GET", "/midnights/2030-01-01"),
            new Call("POST", "/admin/clock/next-midnight"), new Call("POST", "/admin/projection/rebuild"),
            // event-store's operator resource for parked outbox rows, served by every service
            new Call("GET", "/admin/outbox/parked"), new Call("POST", "/admin/outbox/parked/1/retry"),
            new Call("POST", "/admin/outbox/parked/1/discard"));

    /** The realm's people of other roles: their tokens are addressed to every service. */
    static final Map<String, Supplier<String>> OTHERS = Map.of(
            "support agent", () -> tokens().user("agent1"),
            "shop staff", () -> tokens().user("staff1"),
            "customer", () -> tokens().user("customer1"));

    static Stream<Arguments> callsByOthers() {
        return CALLS.stream().flatMap(call -> OTHERS.keySet().stream().map(who -> Arguments.of(call, who)));
    }

    static Stream<Call> calls() {
        return CALLS.stream();
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("calls")
    void withoutATokenEveryCallIsUnauthorized(Call call) {
        assertProblem(call.by(given()).then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByOthers")
    void anyOtherRoleIsForbidden(Call call, String who) {
        assertProblem(call.by(as(OTHERS.get(who).get())).then(), 403);
    }

    /** The machine clients' tokens are addressed to the pin-service only. */
    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"channel-gateway", "contracting-system", "chatbot"})
    void machineClientsOfThePinServiceAreNotEvenAuthenticated(String client) {
        calls().forEach(call -> assertProblem(call.by(as(tokens().client(client))).then(), 401));
    }

    @ParameterizedTest(name = "{0} as the operator")
    @MethodSource("calls")
    void theOperatorIsServed(Call call) {
        if (call.method().equals("GET")) {
            int status = call.by(asOperator()).statusCode();
            assertTrue(status == 200 || status == 404, call + " answered " + status);
        }
    }

    @Test
    void aRefusedClockMoveMovesNothing() {
        String before = asOperator().get("/midnights/next").then().statusCode(200).extract().path("date");

        assertProblem(as(tokens().user("agent1")).post("/admin/clock/next-midnight").then(), 403);
        assertProblem(given().post("/admin/clock/next-midnight").then(), 401);

        asOperator().get("/midnights/next").then().statusCode(200).body("date", equalTo(before));
    }

    @Test
    void everyKindOfBadTokenIsUnauthorized() {
        BadTokens.table(tokens(), Roles.OPERATOR, "lock-scheduler").forEach((kind, token) ->
                assertProblem(as(token).get("/midnights/next").then(), 401)
                        .header("WWW-Authenticate", startsWith("Bearer")));
    }

    @Test
    void everyEndpointDeclaresItsRule() {
        List<EndpointRules.Endpoint> endpoints = Stream.concat(
                EndpointRules.of(AccessTest.class, "com.networkpin.scheduler.rest").stream(),
                EndpointRules.of(AccessTest.class, "com.networkpin.eventstore.admin").stream()).toList();

        assertEquals(List.of(), endpoints.stream().filter(e -> !e.declared()).toList(), "endpoints without a rule");
        assertEquals(CALLS.size(), endpoints.size(), "every endpoint is in the matrix: " + endpoints);
        endpoints.forEach(e -> assertTrue(e.rule().contains("\"operator\""), e + " is the operator's"));
    }

    private static KeycloakTokens tokens() {
        return Infrastructure.tokens();
    }
}
