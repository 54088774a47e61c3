package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.tokens;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import com.networkpin.reservation.Callers;
import com.networkpin.testinfra.ContractIdTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared table of contract ids through the reservation API, in a booking's body and in a
 * contract's list: the same verdicts as every other service, so no visit is booked for an id
 * whose PIN could never be set or reset.
 */
@QuarkusTest
class ContractIdTest {

    private static String shop;

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.networkpin.testinfra.ContractIdTable#rows")
    void aVisitIsBookedOnlyForAValidIdAndABadOneWritesNothing(ContractIdTable.Row row) {
        if (shop == null) {
            shop = Api.freshShop(20);
        }
        String key = UUID.randomUUID().toString();

        ValidatableResponse booking = Api.book(Callers.asStaff(shop), key, row.id(), shop,
                Api.at(Api.japanDate(clock, 2), "10:00"), "PIN_RESET");

        if (row.valid()) {
            booking.statusCode(201).body("contractId", equalTo(row.id()));
        } else {
            booking.statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo("/problems/validation"));
            assertEquals(0, count("SELECT count(*) FROM reservation WHERE contract_id = $1", row.id()), "nothing booked");
            assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = $1", key), "no key claimed");
        }
    }

    /** A valid id is the customer's own contract; a bad one is refused before whose it is matters. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.networkpin.testinfra.ContractIdTable#pathRows")
    void aContractsReservationsAreListedOnlyForAValidId(ContractIdTable.Row row) {
        String caller = row.valid() ? tokens().customer(row.id()) : tokens().user("customer1");

        ValidatableResponse list = as(caller).get("/contracts/{id}/reservations", row.id()).then();

        if (row.valid()) {
            list.statusCode(200);
        } else {
            list.statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo("/problems/validation"));
        }
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
