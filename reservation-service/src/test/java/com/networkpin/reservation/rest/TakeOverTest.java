package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.asStaff;
import static com.networkpin.reservation.Callers.tokens;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networkpin.events.EventJson;
import com.networkpin.events.IdentityVerified;
import com.networkpin.reservation.Api;
import com.networkpin.reservation.Callers;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Taking over someone's contract through a shop visit: the identity check that lets the pin-service
 * grant a PIN reset must be for the holder's own booking, done by staff of the shop they visit.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class TakeOverTest {

    @Inject
    MovableClock clock;
    @Inject
    Pool pool;

    @Test
    void aCustomerCannotBookAVisitForAnotherContract() {
        String shop = Api.freshShop(2);
        String own = Api.freshContract();
        String victim = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 1);
        String key = UUID.randomUUID().toString();

        Api.book(asCustomer(own), key, victim, shop, Api.at(date, "10:00"), "PIN_RESET")
                .statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo("/problems/forbidden"));

        Api.ofContract(victim).statusCode(200).body("$", hasSize(0));
        assertEquals(2, Api.remaining(shop, date, "10:00"));
        // nothing was claimed: the key is still free for the holder
        Api.book(asCustomer(victim), key, victim, shop, Api.at(date, "10:00"), "PIN_RESET").statusCode(201);
    }

    @Test
    void onlyStaffOfTheVisitedShopCheckInAndTheEventNamesWhoDid() {
        String shop = Api.freshShop(2);
        String otherShop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.booked(contract, shop, Api.at(date, "11:00"), "PIN_RESET");
        clock.moveTo(Api.instant(date, "10:55"));

        // staff of another shop, and the customer themself, are refused, and nothing is recorded
        Api.checkIn(asStaff(otherShop), number, "MY_NUMBER_CARD", true)
                .statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo("/problems/forbidden"));
        Api.checkIn(asCustomer(contract), number, "MY_NUMBER_CARD", true).statusCode(403).contentType(PROBLEM_JSON);
        Api.get(asCustomer(contract), number).statusCode(200).body("status", equalTo("BOOKED"));
        assertEquals(List.of("ReservationBooked"), events(number).stream().map(e -> e.getString(0)).toList());

        String staff = tokens().shopStaff(shop);
        Api.checkIn(Callers.as(staff), number, "MY_NUMBER_CARD", true).statusCode(200);
        IdentityVerified verified = identityVerified(number);
        assertEquals(Callers.subjectOf(staff), verified.staffId());
        assertEquals(shop, verified.shopId());
        assertEquals(contract, verified.contractId());
    }

    private List<Row> events(String number) {
        return StreamSupport.stream(pool.preparedQuery(
                        "SELECT event_type, data::text FROM es_event WHERE stream_id = $1 ORDER BY version")
                .execute(Tuple.of("reservation-" + number)).await().indefinitely().spliterator(), false).toList();
    }

    private IdentityVerified identityVerified(String number) {
        Row row = events(number).stream().filter(e -> e.getString(0).equals("IdentityVerified")).findFirst()
                .orElseThrow(() -> new AssertionError("no IdentityVerified for " + number));
        try {
            return EventJson.mapper().readValue(row.getString(1), IdentityVerified.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
