package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.tokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import com.networkpin.reservation.Callers;
import com.networkpin.support.MovableClock;
import com.networkpin.support.security.Roles;
import com.networkpin.testinfra.BadTokens;
import com.networkpin.testinfra.EndpointRules;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
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
 * The rule table of the reservation-service, with real Keycloak tokens: every endpoint called by
 * every kind of caller. Each call acts on a reservation of its own, booked by the shop's staff, and
 * every refusal is checked to have written nothing.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class AccessTest {

    @Inject
    MovableClock clock;

    /** Callers, relative to the reservation a call is about: its customer, its shop's staff, or others. */
    enum Who {
        NO_TOKEN(target -> given()),
        // the machine clients' tokens are addressed to the pin-service only
        CHANNEL_GATEWAY(target -> as(tokens().client("channel-gateway"))),
        BILLING_GATEWAY(target -> as(tokens().client("billing-gateway"))),
        CONTRACTING_SYSTEM(target -> as(tokens().client("contracting-system"))),
        CHATBOT(target -> as(tokens().client("chatbot"))),
        SUPPORT_AGENT(target -> as(tokens().user("agent1"))),
        OPERATOR(target -> as(tokens().user("operator1"))),
        CUSTOMER(target -> as(tokens().customer(target.contract()))),
        /** customer1 of the realm, contract C-0001. */
        OTHER_CUSTOMER(target -> as(tokens().user("customer1"))),
        STAFF(target -> as(tokens().shopStaff(target.shop()))),
        /** staff2 of the realm, shop osaka-umeda. */
        OTHER_STAFF(target -> as(tokens().user("staff2")));

        private final Function<Target, RequestSpecification> request;

        Who(Function<Target, RequestSpecification> request) {
            this.request = request;
        }

        boolean authenticated() {
            return compareTo(SUPPORT_AGENT) >= 0;
        }
    }

    /** What a call is about: a booked reservation, and what a booking or shop definition would use. */
    record Target(String shop, LocalDate date, String slot, String contract, String number, String key,
                  String newShop) {
        Map<String, Object> booking() {
            return Api.booking(contract, shop, Api.at(date, slot), "PIN_CHANGE");
        }
    }

    /** One endpoint; {@code servedStatus} answers those its rule admits (everyone, for the public ones). */
    record Call(String endpoint, Set<Who> served, int servedStatus,
                BiFunction<RequestSpecification, Target, Response> send) {

        int expectedStatus(Who who) {
            if (served.contains(who)) {
                return servedStatus;
            }
            return who.authenticated() ? 403 : 401;
        }

        @Override
        public String toString() {
            return endpoint;
        }
    }

    private static final String NEW_SLOT = "18:45";
    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> CUSTOMER_OR_STAFF = EnumSet.of(Who.CUSTOMER, Who.STAFF);

    static final List<Call> CALLS = List.of(
            new Call("ShopResource.list", EVERYONE, 200, (who, t) -> who.get("/shops")),
            new Call("ShopResource.get", EVERYONE, 200, (who, t) -> who.get("/shops/" + t.shop())),
            new Call("ShopResource.slots", EVERYONE, 200,
                    (who, t) -> who.get("/shops/" + t.shop() + "/slots?date=" + t.date())),
            new Call("ShopResource.reservations", EnumSet.of(Who.STAFF), 200,
                    (who, t) -> who.get("/shops/" + t.shop() + "/reservations?date=" + t.date())),
            new Call("ShopResource.put", EnumSet.of(Who.OPERATOR), 201, (who, t) -> who.contentType(ContentType.JSON)
                    .body(Api.shopDefinition(t.newShop(), 2)).put("/shops/" + t.newShop())),
            new Call("ReservationResource.book", CUSTOMER_OR_STAFF, 201, (who, t) -> who.contentType(ContentType.JSON)
                    .header("Idempotency-Key", t.key()).body(t.booking()).post("/reservations")),
            new Call("ReservationResource.get", CUSTOMER_OR_STAFF, 200,
                    (who, t) -> who.get("/reservations/" + t.number())),
            new Call("ReservationResource.cancel", CUSTOMER_OR_STAFF, 200,
                    (who, t) -> who.post("/reservations/" + t.number() + "/cancel")),
            new Call("ReservationResource.reschedule", CUSTOMER_OR_STAFF, 200, (who, t) -> who
                    .contentType(ContentType.JSON).body(Map.of("start", Api.at(t.date(), NEW_SLOT)))
                    .post("/reservations/" + t.number() + "/reschedule")),
            new Call("ReservationResource.checkIn", EnumSet.of(Who.STAFF), 200, (who, t) -> who
                    .contentType(ContentType.JSON).body(Map.of("idDocument", "MY_NUMBER_CARD", "original", true))
                    .post("/reservations/" + t.number() + "/check-in")),
            new Call("ContractResource.list", EnumSet.of(Who.CUSTOMER), 200,
                    (who, t) -> who.get("/contracts/" + t.contract() + "/reservations")),
            // demo profiles only; moves the clock forward to where the test already put it (no move)
            new Call("DemoClockResource.move", EnumSet.of(Who.OPERATOR), 200, (who, t) -> who
                    .contentType(ContentType.JSON).body(Map.of("now", Api.instant(t.date(), "09:00").toString()))
                    .post("/admin/clock")),
            new Call("ProjectionRebuildResource.rebuild", EnumSet.of(Who.OPERATOR), 200,
                    (who, t) -> who.post("/admin/projection/rebuild")));

    /** The rule each endpoint declares: its roles, or "public". */
    static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("ShopResource.list", "public"),
            Map.entry("ShopResource.get", "public"),
            Map.entry("ShopResource.slots", "public"),
            Map.entry("ShopResource.reservations", "[shop-staff]"),
            Map.entry("ShopResource.put", "[operator]"),
            Map.entry("ReservationResource.book", "[customer, shop-staff]"),
            Map.entry("ReservationResource.get", "[customer, shop-staff]"),
            Map.entry("ReservationResource.cancel", "[customer, shop-staff]"),
            Map.entry("ReservationResource.reschedule", "[customer, shop-staff]"),
            Map.entry("ReservationResource.checkIn", "[shop-staff]"),
            Map.entry("ContractResource.list", "[customer]"),
            Map.entry("DemoClockResource.move", "[operator]"),
            Map.entry("ProjectionRebuildResource.rebuild", "[operator]"));

    /** One shop (many counters) and one visit date for every target; the service's clock is on that date. */
    private static String shop;
    private static LocalDate date;
    private static final AtomicInteger TARGETS = new AtomicInteger();

    @Inject
    Pool pool;

    static Stream<Arguments> everyCallByEveryone() {
        return CALLS.stream().flatMap(call -> Arrays.stream(Who.values()).map(who -> Arguments.of(call, who)));
    }

    @BeforeEach
    void onTheVisitsDate() {
        if (shop == null) {
            shop = Api.freshShop(50);
            date = Api.japanDate(clock, 2);
        }
        clock.moveTo(Api.instant(date, "09:00"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyCallByEveryone")
    void everyCallerGetsWhatTheRuleTableSaysAndARefusalWritesNothing(Call call, Who who) {
        Target target = newTarget();
        State before = state(target);

        Response answer = call.send().apply(who.request.apply(target), target);

        int expected = call.expectedStatus(who);
        assertEquals(expected, answer.statusCode(), call + " as " + who + ": " + answer.body().asString());
        if (expected < 400) {
            return;
        }
        answer.then().contentType(PROBLEM_JSON).body("status", equalTo(expected));
        if (expected == 401) {
            answer.then().header("WWW-Authenticate", startsWith("Bearer"));
        }
        assertEquals(before, state(target), "a refusal writes nothing");
        if (call.endpoint().equals("ReservationResource.book")) {
            // the refused request claimed nothing: its Idempotency-Key still books for the rightful caller
            Api.book(Who.STAFF.request.apply(target), target.key(), target.contract(), target.shop(),
                    Api.at(target.date(), target.slot()), "PIN_CHANGE").statusCode(201);
        }
    }

    @Test
    void everyKindOfBadTokenIsUnauthorizedAndBooksNothing() {
        Target target = newTarget();
        State before = state(target);

        BadTokens.table(tokens(), Roles.CUSTOMER, "reservation-service").forEach((kind, token) -> {
            Response answer = as(token).contentType(ContentType.JSON).header("Idempotency-Key", target.key())
                    .body(target.booking()).post("/reservations");
            assertEquals(401, answer.statusCode(), kind + ": " + answer.body().asString());
            answer.then().contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Bearer"));
        });

        assertEquals(before, state(target), "nothing booked, no key claimed");
        Api.book(Who.CUSTOMER.request.apply(target), target.key(), target.contract(), target.shop(),
                Api.at(target.date(), target.slot()), "PIN_CHANGE").statusCode(201);
    }

    @Test
    void everyEndpointDeclaresItsRuleAndTheMatrixCoversEveryEndpoint() {
        List<EndpointRules.Endpoint> endpoints = EndpointRules.of(AccessTest.class, "com.networkpin.reservation.rest");

        assertEquals(List.of(), endpoints.stream().filter(e -> !e.declared()).toList(), "endpoints without a rule");
        assertEquals(CALLS.size(), endpoints.size(), "every endpoint is in the matrix: " + endpoints);
        Set<String> inMatrix = CALLS.stream().map(Call::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(RULES.keySet()), inMatrix);
        assertEquals(new TreeMap<>(RULES), endpoints.stream().collect(Collectors.toMap(EndpointRules.Endpoint::method,
                e -> simplified(e.rule()), (a, b) -> a, TreeMap::new)), "the rule of each endpoint");
    }

    /** A reservation of a fresh contract at the shared shop, each in a slot of its own as far as possible. */
    private Target newTarget() {
        String slot = LocalTime.of(10, 0).plusMinutes(15L * (TARGETS.getAndIncrement() % 34)).toString();
        String contract = Api.freshContract();
        String number = Api.booked(Callers.asStaff(shop), contract, shop, Api.at(date, slot), "PIN_RESET");
        return new Target(shop, date, slot, contract, number, UUID.randomUUID().toString(), Api.freshShopId());
    }

    /** Everything a call could write about the target. */
    record State(String reservation, long events, int remaining, int remainingInNewSlot,
                 long reservationsOfContract, long keys, long shops) {
    }

    private State state(Target t) {
        return new State(
                text("SELECT concat_ws(' ', status, slot_start, id_document, checked_in_by, updated_at)"
                        + " FROM reservation WHERE reservation_number = $1", t.number()),
                count("SELECT count(*) FROM es_event WHERE stream_id = $1", "reservation-" + t.number()),
                Api.remaining(t.shop(), t.date(), t.slot()),
                Api.remaining(t.shop(), t.date(), NEW_SLOT),
                count("SELECT count(*) FROM reservation WHERE contract_id = $1", t.contract()),
                count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = $1", t.key()),
                count("SELECT count(*) FROM shop WHERE shop_id = $1", t.newShop()));
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }

    private String text(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getString(0);
    }

    /** {@code @jakarta.annotation.security.RolesAllowed({"customer", "shop-staff"})} as {@code [customer, shop-staff]}. */
    /** event-store's operator resource for parked outbox rows, which this service serves too. */
    @Test
    void theParkedOutboxEndpointsAreTheOperatorsOnly() {
        List<EndpointRules.Endpoint> endpoints = EndpointRules.of(AccessTest.class, "com.networkpin.eventstore.admin");

        assertEquals(List.of("ParkedOutboxResource.discard", "ParkedOutboxResource.list", "ParkedOutboxResource.retry"),
                endpoints.stream().map(EndpointRules.Endpoint::method).toList());
        endpoints.forEach(e -> assertEquals("[" + Roles.OPERATOR + "]", simplified(e.rule()), e.method()));
        Callers.asOperator().get("/admin/outbox/parked").then().statusCode(200);
        for (String caller : List.of("agent1", "staff1", "customer1")) {
            as(tokens().user(caller)).get("/admin/outbox/parked").then().statusCode(403).contentType(PROBLEM_JSON);
            as(tokens().user(caller)).post("/admin/outbox/parked/1/retry").then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().post("/admin/outbox/parked/1/discard").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private static String simplified(String rule) {
        if (rule.contains("PermitAll")) {
            return "public";
        }
        return Pattern.compile("\"([^\"]+)\"").matcher(rule).results().map(m -> m.group(1)).sorted().toList()
                .toString();
    }
}
