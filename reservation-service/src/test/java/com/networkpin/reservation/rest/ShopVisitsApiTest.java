package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.tokens;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.networkpin.reservation.Api;
import com.networkpin.reservation.Callers;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A shop's visits of one day, for the shop terminal's list: its own staff only. */
@QuarkusTest
class ShopVisitsApiTest {

    @Inject
    Clock clock;

    @Test
    void staffSeeTheirShopsVisitsOfTheDayBySlotOfEveryStatus() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 2);
        String late = Api.booked(Callers.asStaff(shop), Api.freshContract(), shop, Api.at(date, "15:00"), "PIN_RESET");
        String early = Api.booked(Api.freshContract(), shop, Api.at(date, "10:30"), "OTHER");
        Api.cancel(Callers.asStaff(shop), early).statusCode(200);
        Api.booked(Api.freshContract(), shop, Api.at(date.plusDays(1), "10:00"), "PIN_CHANGE"); // another day

        Callers.asStaff(shop).get("/shops/" + shop + "/reservations?date=" + date).then().statusCode(200)
                .body("reservationNumber", equalTo(List.of(early, late)))
                .body("status", equalTo(List.of("CANCELLED", "BOOKED")))
                .body("[1].start", equalTo(Api.at(date, "15:00")))
                .body("[1].shop.id", equalTo(shop))
                .body("[1].lockAdvice", nullValue());
        Callers.asStaff(shop).get("/shops/" + shop + "/reservations?date=" + date.minusDays(1)).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void staffOfAnotherShopAndBadInputAreRefusedWithAProblem() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 2);
        Api.booked(Api.freshContract(), shop, Api.at(date, "11:00"), "PIN_RESET");

        // staff2 works at osaka-umeda
        as(tokens().user("staff2")).get("/shops/" + shop + "/reservations?date=" + date).then().statusCode(403)
                .contentType(PROBLEM_JSON).body("status", equalTo(403));
        Callers.asStaff(shop).get("/shops/" + shop + "/reservations?date=tomorrow").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/invalid-date"));
        Callers.asStaff(shop).get("/shops/" + shop + "/reservations").then().statusCode(400).contentType(PROBLEM_JSON);
        String nowhere = Api.freshShopId();
        Callers.asStaff(nowhere).get("/shops/" + nowhere + "/reservations?date=" + date).then().statusCode(404)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/shop-not-found"));
    }
}
