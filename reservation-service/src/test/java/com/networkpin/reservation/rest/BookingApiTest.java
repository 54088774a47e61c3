package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.tokens;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingApiTest {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Test
    void booksAFreePinResetAndSaysWhatToBring() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 3);

        String number = Api.book(UUID.randomUUID().toString(), contract, shop, Api.at(date, "10:30"), "PIN_RESET")
                .statusCode(201)
                .header("Location", matchesPattern(".*/reservations/[ACDEFGHJKMNPQRTWXY34679]{7}"))
                .body("reservationNumber", matchesPattern("[ACDEFGHJKMNPQRTWXY34679]{7}"))
                .body("status", equalTo("BOOKED"))
                .body("shop.id", equalTo(shop))
                .body("shop.nameJa", equalTo("Test Shop " + shop)) // none given: the English name
                .body("shop.prefectureJa", equalTo("東京都"))
                .body("start", equalTo(Api.at(date, "10:30")))
                .body("end", equalTo(Api.at(date, "10:45")))
                .body("fee.amountJpy", equalTo(0))
                .body("fee.reason", containsString("free"))
                .body("documentsToBring[0]", containsString("MY_NUMBER_CARD"))
                .body("documentsToBring[1]", containsString("health insurance card alone"))
                .body("lockAdvice", nullValue())
                .extract().path("reservationNumber");

        Api.get(asCustomer(contract), number).statusCode(200)
                .body("contractId", equalTo(contract)).body("purpose", equalTo("PIN_RESET"));
        Api.ofContract(contract).statusCode(200).body("reservationNumber", equalTo(List.of(number)));
        assertEquals(1, Api.remaining(shop, date, "10:30"));
        assertEquals(1, eventsOf(number));
    }

    @Test
    void otherShopSupportCosts3300YenAndSaysWhy() {
        String shop = Api.freshShop(2);
        Api.book(UUID.randomUUID().toString(), Api.freshContract(), shop, Api.at(Api.japanDate(clock, 1), "12:00"),
                        "OTHER")
                .statusCode(201)
                .body("fee.amountJpy", equalTo(3300))
                .body("fee.reason", containsString("online-only"));
    }

    @Test
    void refusesEveryRuleWithAProblemAndStoresNothing() {
        LocalDate date = Api.japanDate(clock, 2);
        String shop = Api.freshShop(1, Api.japanDate(clock, 3).getDayOfWeek());
        assertRefused(shop, Api.at(Api.japanDate(clock, -1), "11:00"), 422, "in-the-past");
        assertRefused(shop, Api.at(date, "09:45"), 422, "outside-opening-hours");
        assertRefused(shop, Api.at(date, "19:00"), 422, "outside-opening-hours");
        assertRefused(shop, Api.at(Api.japanDate(clock, 3), "11:00"), 422, "shop-closed");
        assertRefused(shop, Api.at(date, "11:10"), 422, "not-on-slot-boundary");
        assertRefused(shop, Api.at(Api.japanDate(clock, 31), "11:00"), 422, "too-far-ahead");
        assertRefused("no-such-shop", Api.at(date, "11:00"), 422, "unknown-shop");

        // the one counter of 12:00 is taken by someone else
        Api.booked(Api.freshContract(), shop, Api.at(date, "12:00"), "PIN_RESET");
        assertRefused(shop, Api.at(date, "12:00"), 409, "slot-full");
        assertEquals(0, Api.remaining(shop, date, "12:00"));
        assertEquals(1, Api.remaining(shop, date, "11:00"));
    }

    @Test
    void refusesASecondActiveBookingOfTheSamePurposeUntilTheFirstIsCancelled() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 2);
        String first = Api.booked(contract, shop, Api.at(date, "11:00"), "PIN_CHANGE");

        Api.book(UUID.randomUUID().toString(), contract, shop, Api.at(date, "15:00"), "PIN_CHANGE")
                .statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/active-booking-exists"));
        assertEquals(2, Api.remaining(shop, date, "15:00"));
        Api.ofContract(contract).body("$", hasSize(1));

        Api.booked(contract, shop, Api.at(date, "15:00"), "OTHER"); // another purpose is fine
        Api.cancel(asCustomer(contract), first).statusCode(200).body("status", equalTo("CANCELLED"));
        Api.booked(contract, shop, Api.at(date, "16:00"), "PIN_CHANGE");
        Api.ofContract(contract).body("$", hasSize(3));
    }

    @Test
    void theSameKeyAndBodyAnswersTheSameReservationAndBooksNothingNew() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 4);
        String key = UUID.randomUUID().toString();
        String number = Api.book(key, contract, shop, Api.at(date, "13:00"), "PIN_RESET")
                .statusCode(201).extract().path("reservationNumber");

        // the same instant written in UTC is the same request
        String utc = Api.instant(date, "13:00").toString();
        Api.book(key, contract, shop, utc, "PIN_RESET").statusCode(200)
                .body("reservationNumber", equalTo(number))
                .body("start", equalTo(Api.at(date, "13:00")));

        Api.ofContract(contract).body("$", hasSize(1));
        assertEquals(1, Api.remaining(shop, date, "13:00"));
        assertEquals(1, eventsOf(number));
    }

    @Test
    void theSameKeyFromAnotherCallerIsAnotherCallersBooking() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        String other = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 4);
        String key = UUID.randomUUID().toString();
        String first = Api.book(key, contract, shop, Api.at(date, "13:00"), "PIN_RESET")
                .statusCode(201).extract().path("reservationNumber");

        String second = Api.book(key, other, shop, Api.at(date, "13:00"), "PIN_RESET")
                .statusCode(201).header("Idempotency-Replayed", nullValue()).extract().path("reservationNumber");

        assertEquals(false, first.equals(second), "two bookings, one per caller");
        assertEquals(0, Api.remaining(shop, date, "13:00"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 4);
        String key = UUID.randomUUID().toString();
        Api.booked(contract, shop, Api.at(date, "13:00"), "PIN_RESET");
        String number = Api.book(key, contract, shop, Api.at(date, "14:00"), "OTHER").statusCode(201)
                .extract().path("reservationNumber");

        Api.book(key, contract, shop, Api.at(date, "14:15"), "OTHER")
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        Api.ofContract(contract).body("$", hasSize(2));
        assertEquals(2, Api.remaining(shop, date, "14:15"));
        Api.get(asCustomer(contract), number).body("start", equalTo(Api.at(date, "14:00")));
    }

    @Test
    void aBookingNeedsAnIdempotencyKeyAndAValidBody() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        String start = Api.at(Api.japanDate(clock, 2), "11:00");
        asCustomer(contract).contentType(ContentType.JSON)
                .body(Api.booking(contract, shop, start, "PIN_RESET"))
                .post("/reservations")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-required"));
        Api.book(UUID.randomUUID().toString(), contract, shop, start, "PIN_FORGOTTEN")
                .statusCode(400).contentType(PROBLEM_JSON).body("field", equalTo("purpose"));
        Api.book(UUID.randomUUID().toString(), contract, shop, "2026-12-01T10:00:00", "PIN_RESET")
                .statusCode(400).contentType(PROBLEM_JSON);
        Api.book(asCustomer(contract), UUID.randomUUID().toString(), "", shop, start, "PIN_RESET")
                .statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo("/problems/validation"));
        asCustomer(contract).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body("{\"contractId\": ").post("/reservations")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", not(emptyString()));
        Api.ofContract(contract).body("$", hasSize(0));
    }

    @Test
    void anUnknownReservationIsNotFound() {
        Api.get(as(tokens().user("customer1")), "ACDEFGH").statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/reservation-not-found"));
        Api.cancel(as(tokens().user("staff1")), "not-a-number").statusCode(404).contentType(PROBLEM_JSON)
                .body("type", endsWith("reservation-not-found"));
    }

    private void assertRefused(String shop, String start, int status, String slug) {
        String contract = Api.freshContract();
        Api.book(UUID.randomUUID().toString(), contract, shop, start, "PIN_RESET")
                .statusCode(status).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/" + slug))
                .body("status", equalTo(status))
                .body("detail", not(emptyString()));
        Api.ofContract(contract).statusCode(200).body("$", hasSize(0));
        assertEquals(0L, storedBookingsOf(contract));
    }

    private long storedBookingsOf(String contract) {
        return pool.preparedQuery("SELECT count(*) FROM es_event WHERE event_type = 'ReservationBooked'"
                        + " AND data->>'contractId' = $1")
                .execute(Tuple.of(contract)).await().indefinitely().iterator().next().getLong(0);
    }

    private long eventsOf(String number) {
        return pool.preparedQuery("SELECT count(*) FROM es_event WHERE stream_id = $1")
                .execute(Tuple.of("reservation-" + number)).await().indefinitely().iterator().next().getLong(0);
    }
}
