package com.networkpin.reservation.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.Metrics;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class ReservationMetricsTest {

    private static final String BOOKINGS = "network_pin_reservation_bookings_total";

    @Inject
    MovableClock clock;

    @Inject
    SlotUtilisation utilisation;

    @Test
    void bookingsAreCountedByOutcome() {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 1);
        String key = "k-" + UUID.randomUUID();
        Metrics before = Metrics.scrape();

        String contract = Api.freshContract();
        Api.book(key, contract, shop, Api.at(date, "10:00"), "PIN_RESET").statusCode(201);
        Api.book(key, contract, shop, Api.at(date, "10:00"), "PIN_RESET"); // a retry: the first answer again
        Api.book("k-" + UUID.randomUUID(), Api.freshContract(), shop, Api.at(date, "10:00"), "PIN_RESET").statusCode(409);

        Metrics after = Metrics.scrape();
        assertEquals(1, after.since(before, BOOKINGS + "{outcome=\"booked\",rule=\"none\"}"), 0.0);
        assertEquals(1, after.since(before, BOOKINGS + "{outcome=\"replayed\",rule=\"none\"}"), 0.0);
        assertEquals(1, after.since(before, BOOKINGS + "{outcome=\"slot-full\",rule=\"slot-full\"}"), 0.0);
    }

    @Test
    void todaysSlotUtilisationIsShownPerShop() throws Throwable {
        String shop = Api.freshShop(2);
        LocalDate tomorrow = Api.japanDate(clock, 1);
        for (String time : new String[] {"10:00", "10:00", "15:30"}) {
            Api.book("k-" + UUID.randomUUID(), Api.freshContract(), shop, Api.at(tomorrow, time), "PIN_RESET")
                    .statusCode(201);
        }
        int slots = given().get("/shops/" + shop + "/slots?date=" + tomorrow).then().statusCode(200)
                .extract().path("slots.size()");

        clock.moveTo(Api.instant(tomorrow, "09:00")); // the bookings' date is today now
        VertxContextSupport.subscribeAndAwait(utilisation::refresh); // as the scheduler runs it: on a Vert.x context

        double shown = Metrics.scrape().value("network_pin_reservation_slot_utilisation{shop=\"" + shop + "\"}");
        assertEquals(3.0 / (slots * 2), shown, 1e-9, "3 of " + slots + " slots × 2 counters");
    }
}
