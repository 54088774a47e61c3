package com.networkpin.reservation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.Metrics;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
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
}
