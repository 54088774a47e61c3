package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.Api;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Check-in, cancel and reschedule sent again with their Idempotency-Key: replayed, never applied twice. */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class ChangeIdempotencyTest {

    @Inject
    MovableClock clock;
    @Inject
    Pool pool;

    @Test
    void givenACheckInRetriedWithItsKey_thenTheFirstAnswerAgainAndOneIdentityCheck() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(Api.freshContract(), shop, Api.at(date, "10:00"), "PIN_RESET");
        clock.moveTo(Api.instant(date, "10:00"));
        String key = UUID.randomUUID().toString();

        Api.checkIn(asStaff(shop).header("Idempotency-Key", key), number, "MY_NUMBER_CARD", true).statusCode(200)
                .header("Idempotency-Replayed", nullValue()).body("status", equalTo("CHECKED_IN"));
        Api.checkIn(asStaff(shop).header("Idempotency-Key", key), number, "MY_NUMBER_CARD", true).statusCode(200)
                .header("Idempotency-Replayed", equalTo("true")).body("status", equalTo("CHECKED_IN"));
        Api.checkIn(asStaff(shop).header("Idempotency-Key", key), number, "DRIVING_LICENCE", true).statusCode(422)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/idempotency-key-reused"));

        assertEquals(2, eventsOf(number), "ReservationBooked and one IdentityVerified");
        Api.checkIn(asStaff(shop), number, "MY_NUMBER_CARD", true).statusCode(409);
    }

    @Test
    void givenACancelRetriedWithItsKey_thenReplayedInsteadOfNotBooked() {
        String shop = Api.freshShop(1);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(contract, shop, Api.at(date, "16:00"), "PIN_RESET");
        String key = UUID.randomUUID().toString();

        Api.cancel(asCustomer(contract).header("Idempotency-Key", key), number).statusCode(200);
        Api.cancel(asCustomer(contract).header("Idempotency-Key", key), number).statusCode(200)
                .header("Idempotency-Replayed", equalTo("true")).body("status", equalTo("CANCELLED"));
        Api.cancel(asCustomer(contract).header("Idempotency-Key", UUID.randomUUID().toString()), number)
                .statusCode(409).body("type", equalTo("/problems/not-booked"));

        assertEquals(1, Api.remaining(shop, date, "16:00"));
        assertEquals(2, eventsOf(number));
    }

    @Test
    void givenARescheduleRetriedWithItsKey_thenMovedOnceAndAnotherSlotWithTheKeyIsRefused() {
        String shop = Api.freshShop(1);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(contract, shop, Api.at(date, "10:00"), "PIN_RESET");
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            Api.reschedule(asCustomer(contract).header("Idempotency-Key", key), number, Api.at(date, "11:00"))
                    .statusCode(200).body("start", equalTo(Api.at(date, "11:00")));
        }
        Api.reschedule(asCustomer(contract).header("Idempotency-Key", key), number, Api.at(date, "12:00"))
                .statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));

        assertEquals(2, eventsOf(number), "ReservationBooked and one move");
        assertEquals(1, Api.remaining(shop, date, "10:00"));
        assertEquals(0, Api.remaining(shop, date, "11:00"));
    }

    private long eventsOf(String number) {
        return pool.preparedQuery("SELECT count(*) FROM es_event WHERE stream_id = $1")
                .execute(Tuple.of("reservation-" + number)).await().indefinitely().iterator().next().getLong(0);
    }
}
