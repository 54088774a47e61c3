package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.awaitGrants;
import static com.networkpin.pin.TestData.footprint;
import static com.networkpin.pin.TestData.identityVerified;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.reset;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.VisitPurpose;
import com.networkpin.support.MovableClock;
import com.networkpin.support.Problem;
import com.networkpin.support.security.Roles;
import com.networkpin.testinfra.BadTokens;
import com.networkpin.testinfra.EndpointRules;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what to a PIN, with real tokens of the project's Keycloak: every endpoint against every
 * principal of the realm, and the rules that scope a role to a contract, a shop or some channels.
 * Every refusal is checked to have written nothing for the contract.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class AccessTest {

    private static final String SHOP_A = "tokyo-shinjuku-west"; // staff1's shop in the realm file
    private static final String SHOP_B = "osaka-umeda"; // staff2's
    private static final String PIN = "2947";
    private static final String NEW_PIN = "3816";

    /** A principal of the realm, its one role and what it is scoped to (a customer's contract, a staff member's shop). */
    record Caller(String name, String role, String scope, Supplier<String> token) {
        RequestSpecification request() {
            return as(token.get());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Caller> CALLERS = List.of(
            client("channel-gateway", Roles.CHANNEL),
            client("billing-gateway", Roles.CHANNEL),
            client("contracting-system", Roles.CONTRACTING),
            client("chatbot", Roles.CHATBOT),
            user("agent1", Roles.SUPPORT_AGENT, null),
            user("staff1", Roles.SHOP_STAFF, SHOP_A),
            user("staff2", Roles.SHOP_STAFF, SHOP_B),
            user("customer1", Roles.CUSTOMER, "C-0001"),
            user("customer2", Roles.CUSTOMER, "C-0002"),
            user("operator1", Roles.OPERATOR, null));

    /** An endpoint: its resource method, the roles it serves and a request to it (the body gets the reservation). */
    record Call(String endpoint, String method, String path, Function<String, Map<String, Object>> body,
                Set<String> roles) {
        Response by(RequestSpecification request, String contract, String reservation) {
            Map<String, Object> payload = body.apply(reservation);
            RequestSpecification sent = payload == null ? request : request.contentType("application/json").body(payload);
            return path.contains("{id}") ? sent.request(method, path, contract) : sent.request(method, path);
        }

        boolean serves(Caller caller) {
            return roles.contains(caller.role());
        }

        @Override
        public String toString() {
            return method + " " + path.replace("{id}", "{c}");
        }
    }

    private static final String PIN_PATH = "/contracts/{id}/pin";

    static final Call SET = new Call("PinResource.set", "PUT", PIN_PATH, r -> Map.of("pin", PIN), Set.of(Roles.CONTRACTING));
    static final Call VERIFY = new Call("PinResource.verify", "POST", PIN_PATH + "/verifications",
            r -> Map.of("pin", PIN, "channel", "BILLING"), Set.of(Roles.CHANNEL));
    static final Call STATUS = new Call("PinResource.status", "GET", PIN_PATH, r -> null,
            Set.of(Roles.CHANNEL, Roles.CHATBOT, Roles.SUPPORT_AGENT, Roles.CUSTOMER));
    static final Call HISTORY = new Call("PinResource.history", "GET", PIN_PATH + "/history", r -> null,
            Set.of(Roles.SUPPORT_AGENT, Roles.CUSTOMER));
    static final Call DISCLOSE = new Call("PinResource.disclose", "POST", PIN_PATH + "/disclosures",
            r -> Map.of("identityCheck", "KNOWLEDGE_QUESTIONS", "identityCheckRef", "CASE-ACCESS"), Set.of(Roles.SUPPORT_AGENT));
    static final Call RESET = new Call("PinResource.reset", "POST", PIN_PATH + "/reset",
            r -> Map.of("reservationNumber", r, "newPin", NEW_PIN), Set.of(Roles.SHOP_STAFF));
    /** Demo profiles only: moves the clock forward to the instant the test's clock already reads (a no-op move). */
    static final Call CLOCK = new Call("DemoClockResource.move", "POST", "/admin/clock",
            r -> Map.of("now", "2031-09-01T01:00:00Z"), Set.of(Roles.OPERATOR));
    static final Call AUDIT = new Call("InsiderAuditResource.list", "GET", "/audit/insider-actions", r -> null,
            Set.of(Roles.OPERATOR));
    static final List<Call> CALLS = List.of(SET, VERIFY, STATUS, HISTORY, DISCLOSE, RESET, CLOCK, AUDIT);

    /**
     * The contract every refusal is tried on: a PIN set and a live grant of a visit at shop A, so that a
     * refusal that let the call through would leave a trace.
     */
    private static String target;
    private static String targetReservation;

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @BeforeEach
    void mannedHoursAndTheTarget() {
        clock.moveTo(tokyo("2031-09-01T10:00:00"));
        if (target == null) {
            String contract = newContractId();
            String reservation = "R-" + UUID.randomUUID();
            setPin(contract, PIN).statusCode(201);
            identityVerified(contract, reservation, SHOP_A, VisitPurpose.PIN_RESET, clock.instant());
            awaitGrants(pool, contract, 1);
            targetReservation = reservation;
            target = contract;
        }
    }

    static Stream<Call> calls() {
        return CALLS.stream();
    }

    static Stream<Arguments> callsByOtherRoles() {
        return CALLS.stream().flatMap(call -> CALLERS.stream().filter(c -> !call.serves(c)).map(c -> Arguments.of(call, c)));
    }

    static Stream<Arguments> callsByTheirRoles() {
        return CALLS.stream().flatMap(call -> CALLERS.stream().filter(call::serves).map(c -> Arguments.of(call, c)));
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("calls")
    void withoutATokenEveryCallIsUnauthorizedAndWritesNothing(Call call) {
        String before = footprint(pool, target);

        assertProblem(call.by(given(), target, targetReservation).then(), 401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"));

        assertEquals(before, footprint(pool, target), "nothing written");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByOtherRoles")
    void everyOtherRoleIsForbiddenAndWritesNothing(Call call, Caller caller) {
        String before = footprint(pool, target);

        assertProblem(call.by(caller.request(), target, targetReservation).then(), 403, "forbidden");

        assertEquals(before, footprint(pool, target), "nothing written");
    }

    /** On a contract of its own (a customer: theirs), with a grant of its shop for a reset. */
    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByTheirRoles")
    void theRolesOfAnEndpointAreServed(Call call, Caller caller) {
        String contract = caller.role().equals(Roles.CUSTOMER) ? caller.scope() : newContractId();
        String reservation = "R-" + UUID.randomUUID();
        if (call != SET && call != CLOCK && call != AUDIT && !caller.role().equals(Roles.CUSTOMER)) {
            setPin(contract, PIN).statusCode(201);
        }
        if (call == RESET) {
            identityVerified(contract, reservation, caller.scope(), VisitPurpose.PIN_RESET, clock.instant());
            awaitGrants(pool, contract, 1);
        }

        int status = call.by(caller.request(), contract, reservation).then().extract().statusCode();

        assertEquals(call == SET ? 201 : 200, status, call + " as " + caller);
    }

    @Test
    void aCustomerReadsTheirOwnContractOnlyAndNotTheNeighbours() {
        String own = newContractId();
        String neighbour = newContractId();
        setPin(own, PIN).statusCode(201);
        setPin(neighbour, PIN).statusCode(201);
        String customer = tokens().customer(own);
        String before = footprint(pool, neighbour);

        as(customer).get("/contracts/{id}/pin", own).then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(customer).get("/contracts/{id}/pin/history", own).then().statusCode(200)
                .body("type", equalTo(List.of("PinSet")));
        assertProblem(as(customer).get("/contracts/{id}/pin", neighbour).then(), 403, "forbidden");
        assertProblem(as(customer).get("/contracts/{id}/pin/history", neighbour).then(), 403, "forbidden");
        assertProblem(as(tokens().user("customer1")).get("/contracts/{id}/pin/history", target).then(), 403, "forbidden");

        assertEquals(before, footprint(pool, neighbour), "nothing written");
    }

    @Test
    void aShopUsesOnlyTheGrantsOfItsOwnVisits() {
        String contract = newContractId();
        String reservation = "R-" + UUID.randomUUID();
        setPin(contract, PIN).statusCode(201);
        identityVerified(contract, reservation, SHOP_A, VisitPurpose.PIN_RESET, clock.instant());
        awaitGrants(pool, contract, 1);
        String noShop = tokens().ensureUser("staff-without-shop", Roles.SHOP_STAFF, Map.of());
        String before = footprint(pool, contract);

        assertProblem(RESET.by(as(tokens().user("staff2")), contract, reservation).then(), 403, "grant-of-another-shop")
                .body("reason", equalTo("GRANT_OF_ANOTHER_SHOP"));
        assertProblem(reset(SHOP_B, contract, reservation, NEW_PIN), 403, "grant-of-another-shop");
        assertProblem(RESET.by(as(tokens().user(noShop)), contract, reservation).then(), 403, "forbidden");
        assertEquals(before, footprint(pool, contract), "nothing written, the grant still unused");

        reset(SHOP_A, contract, reservation, NEW_PIN).statusCode(200).body("status", equalTo("ACTIVE"));
        as(tokens().client("channel-gateway")).contentType("application/json")
                .body(Map.of("pin", NEW_PIN, "channel", "MY_DOCOMO"))
                .post("/contracts/{id}/pin/verifications", contract).then().body("outcome", equalTo("VERIFIED"));
    }

    @Test
    void aGatewayReportsAttemptsOfItsOwnChannelsOnly() {
        String before = footprint(pool, target);

        assertProblem(as(tokens().client("billing-gateway")).contentType("application/json")
                .body(Map.of("pin", PIN, "channel", "MY_DOCOMO"))
                .post("/contracts/{id}/pin/verifications", target).then(), 403, "channel-not-allowed")
                .body("channel", equalTo("MY_DOCOMO"));
        assertProblem(as(tokens().client("billing-gateway")).contentType("application/json")
                .body(Map.of("pin", "0000", "channel", "D_PAYMENT"))
                .post("/contracts/{id}/pin/verifications", target).then(), 403, "channel-not-allowed");

        assertEquals(before, footprint(pool, target), "no attempt recorded");
    }

    @Test
    void everyKindOfBadTokenIsUnauthorizedAndRecordsNoAttempt() {
        String before = footprint(pool, target);

        BadTokens.table(tokens(), Roles.CHANNEL, "pin-service").forEach((kind, token) ->
                assertProblem(VERIFY.by(as(token), target, targetReservation).then(), 401, "unauthorized")
                        .header("WWW-Authenticate", startsWith("Bearer")));

        assertEquals(before, footprint(pool, target), "no attempt recorded");
    }

    @Test
    void everyEndpointDeclaresTheRolesOfTheMatrix() {
        List<EndpointRules.Endpoint> endpoints = EndpointRules.of(AccessTest.class, "com.networkpin.pin.rest");

        assertEquals(List.of(), endpoints.stream().filter(e -> !e.declared()).toList(), "endpoints without a rule");
        assertEquals(CALLS.size(), endpoints.size(), "every endpoint is in the matrix: " + endpoints);
        Map<String, Set<String>> declared = endpoints.stream()
                .collect(Collectors.toMap(EndpointRules.Endpoint::method, e -> quoted(e.rule())));
        assertEquals(CALLS.stream().collect(Collectors.toMap(Call::endpoint, Call::roles)), declared);
        assertTrue(CALLERS.stream().map(Caller::role).collect(Collectors.toSet())
                .containsAll(Set.of(Roles.CHANNEL, Roles.CONTRACTING, Roles.CHATBOT, Roles.SUPPORT_AGENT,
                        Roles.SHOP_STAFF, Roles.CUSTOMER, Roles.OPERATOR)), "every role of the realm calls");
    }

    /** event-store's operator resource for parked outbox rows, which this service serves too. */
    @Test
    void theParkedOutboxEndpointsAreTheOperatorsOnly() {
        List<EndpointRules.Endpoint> endpoints = EndpointRules.of(AccessTest.class, "com.networkpin.eventstore.admin");

        assertEquals(List.of("ParkedOutboxResource.discard", "ParkedOutboxResource.list", "ParkedOutboxResource.retry"),
                endpoints.stream().map(EndpointRules.Endpoint::method).toList());
        endpoints.forEach(e -> assertEquals(Set.of(Roles.OPERATOR), quoted(e.rule()), e.method()));
        as(tokens().user("operator1")).get("/admin/outbox/parked").then().statusCode(200);
        for (String caller : List.of("agent1", "staff1", "customer1")) {
            assertProblem(as(tokens().user(caller)).get("/admin/outbox/parked").then(), 403, "forbidden");
            assertProblem(as(tokens().user(caller)).post("/admin/outbox/parked/1/discard").then(), 403, "forbidden");
        }
        assertProblem(given().post("/admin/outbox/parked/1/retry").then(), 401, "unauthorized");
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", equalTo(Problem.TYPE_PREFIX + slug));
    }

    /** The role names of {@code @RolesAllowed({"a", "b"})}. */
    private static Set<String> quoted(String rule) {
        Matcher names = Pattern.compile("\"([^\"]+)\"").matcher(rule);
        return names.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static Caller client(String clientId, String role) {
        return new Caller(clientId, role, null, () -> tokens().client(clientId));
    }

    private static Caller user(String username, String role, String scope) {
        return new Caller(username, role, scope, () -> tokens().user(username));
    }
}
