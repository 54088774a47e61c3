package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.asOperator;
import static com.networkpin.reservation.Callers.tokens;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A booking of a full slot is refused from one read, before any transaction: it must answer as the
 * transaction would have (the first answer for a used key, the domain's other reasons first) and a
 * freed counter must be bookable at once.
 */
@QuarkusTest
class FullSlotTest {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Test
    void aFullSlotIsRefusedWithoutWaitingForTheWritePathAndWritesNothing() throws Exception {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 3);
        String start = Api.at(date, "12:00");
        String staff = tokens().shopStaff(shop);
        Api.booked(as(staff), Api.freshContract(), shop, start, "PIN_RESET");
        String contract = Api.freshContract();
        String key = UUID.randomUUID().toString();

        // While nothing can be inserted into idempotency_key, a booking's transaction cannot begin.
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction blocking = connection.begin().await().indefinitely();
        try {
            connection.query("LOCK TABLE idempotency_key IN SHARE MODE").execute().await().indefinitely();
            int status = CompletableFuture.supplyAsync(() -> Api.book(as(staff), key, contract, shop,
                            start, "PIN_RESET").contentType(PROBLEM_JSON)
                            .body("type", equalTo("/problems/slot-full")).extract().statusCode())
                    .get(20, TimeUnit.SECONDS);
            assertEquals(409, status);
        } finally {
            blocking.rollback().await().indefinitely();
            connection.close().await().indefinitely();
        }
        assertEquals(0L, count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = $1", key));
        assertEquals(0L, count("SELECT count(*) FROM reservation WHERE contract_id = $1", contract));
        assertEquals(0L, count("SELECT count(*) FROM es_event WHERE data->>'contractId' = $1", contract));
        assertEquals(0, Api.remaining(shop, date, "12:00"));
    }

    @Test
    void theKeyOfTheBookingThatFilledTheSlotStillAnswersThatBooking() {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 3);
        String start = Api.at(date, "13:00");
        String contract = Api.freshContract();
        String key = UUID.randomUUID().toString();
        String number = Api.book(key, contract, shop, start, "PIN_RESET").statusCode(201)
                .extract().path("reservationNumber");

        Api.book(key, contract, shop, start, "PIN_RESET").statusCode(200)
                .body("reservationNumber", equalTo(number));
        // the key with another request of the same caller for the full slot: reused, not "full"
        Api.book(key, contract, shop, start, "OTHER")
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        // another caller's same key is its own request, and meets the full slot
        Api.book(as(tokens().shopStaff(shop)), key, Api.freshContract(), shop, start, "PIN_RESET")
                .statusCode(409).contentType(PROBLEM_JSON);
        Api.ofContract(contract).body("$", hasSize(1));
    }

    @Test
    void theDomainsOtherReasonsComeBeforeAFullSlot() {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 3);
        String staff = tokens().shopStaff(shop);
        Api.booked(as(staff), Api.freshContract(), shop, Api.at(date, "14:00"), "PIN_RESET");
        String contract = Api.freshContract();
        Api.booked(as(staff), contract, shop, Api.at(date, "11:00"), "PIN_CHANGE");

        Api.book(as(staff), UUID.randomUUID().toString(), contract, shop, Api.at(date, "14:00"), "PIN_CHANGE")
                .statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/active-booking-exists"));

        // the shop now closes on that weekday: the full slot is no longer a visit the shop takes
        asOperator().contentType(ContentType.JSON).body(Api.shopDefinition(shop, 1, date.getDayOfWeek()))
                .put("/shops/" + shop).then().statusCode(200);
        Api.book(as(staff), UUID.randomUUID().toString(), Api.freshContract(), shop, Api.at(date, "14:00"), "PIN_RESET")
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/shop-closed"));
    }

    @Test
    void aCounterFreedByACancelOrARescheduleIsBookableAtOnce() {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 3);
        String full = Api.at(date, "15:00");
        String staff = tokens().shopStaff(shop);
        String first = Api.booked(as(staff), Api.freshContract(), shop, full, "PIN_RESET");
        List<String> waiting = new ArrayList<>(List.of(Api.freshContract(), Api.freshContract()));
        for (String contract : waiting) {
            Api.book(as(staff), UUID.randomUUID().toString(), contract, shop, full, "PIN_RESET")
                    .statusCode(409).body("type", equalTo("/problems/slot-full"));
        }

        Api.cancel(as(staff), first).statusCode(200);
        String second = Api.booked(as(staff), waiting.get(0), shop, full, "PIN_RESET");
        Api.book(as(staff), UUID.randomUUID().toString(), waiting.get(1), shop, full, "PIN_RESET")
                .statusCode(409).body("type", equalTo("/problems/slot-full"));

        Api.reschedule(as(staff), second, Api.at(date, "16:00")).statusCode(200);
        Api.booked(as(staff), waiting.get(1), shop, full, "PIN_RESET");
        assertEquals(0, Api.remaining(shop, date, "15:00"));
        assertEquals(0, Api.remaining(shop, date, "16:00"));
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }
}
