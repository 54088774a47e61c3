package com.networkpin.reservation.messaging;

import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Topics;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.reservation.Api;
import com.networkpin.reservation.MovesTheClock;
import com.networkpin.reservation.PinTopic;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PinEventsConsumerTest extends MovesTheClock {

    @Inject
    Pool pool;

    @Test
    void aPinResetUnderACheckedInReservationCompletesTheVisit() {
        String contract = Api.freshContract();
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.booked(contract, shop, Api.at(date, "10:00"), "PIN_RESET");
        clock.moveTo(Api.instant(date, "09:55")); // check-in is on the visit's date
        Api.checkIn(asStaff(shop), number, "PHYSICAL_DISABILITY_CERTIFICATE", true).statusCode(200);

        PinTopic.publish(new PinReset(contract, number, clock.instant()), clock.instant());

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.get(asCustomer(contract), number).statusCode(200).body("status", equalTo("COMPLETED")));
        assertEquals(1, TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> number.equals(r.key()) && r.value().contains("\"VisitCompleted\""), 1,
                Duration.ofSeconds(30)).size());
    }

    @Test
    void aPinResetOfAnotherContractOrBeforeCheckInCompletesNothing() {
        String contract = Api.freshContract();
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 1);
        String notCheckedIn = Api.booked(asStaff(shop), contract, shop, Api.at(date, "10:00"), "PIN_RESET");
        String other = Api.booked(asStaff(shop), Api.freshContract(), shop, Api.at(date, "10:00"), "PIN_CHANGE");
        clock.moveTo(Api.instant(date, "09:55"));
        Api.checkIn(asStaff(shop), other, "MY_NUMBER_CARD", true).statusCode(200);

        PinTopic.publish(new PinReset(contract, notCheckedIn, clock.instant()), clock.instant());
        PinTopic.publish(new PinReset(contract, other, clock.instant()), clock.instant()); // not its reservation
        // a later event of the same contract (same key, same partition) is applied after both resets
        PinTopic.publish(new Locked(contract, clock.instant(), clock.instant().plusSeconds(3600)), clock.instant());
        awaitLockRecorded(contract);

        Api.get(asStaff(shop), notCheckedIn).body("status", equalTo("BOOKED"));
        Api.get(asStaff(shop), other).body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void aBookingWhileThePinIsLockedSaysTheLockLiftsAtMidnight() {
        String contract = Api.freshContract();
        Instant now = clock.instant();
        Instant midnight = Slots.local(now).toLocalDate().plusDays(1).atStartOfDay(Slots.JAPAN).toInstant();
        PinTopic.publish(new Locked(contract, now, midnight), now);
        awaitLockRecorded(contract);

        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.book(UUID.randomUUID().toString(), contract, Api.freshShop(2), Api.at(date, "10:00"),
                        "PIN_RESET")
                .statusCode(201)
                .body("lockAdvice", containsString("locked until 00:00 JST on " + date))
                .body("lockAdvice", containsString("no visit is needed"))
                .extract().path("reservationNumber");

        PinTopic.publish(new Unlocked(contract, UnlockReason.MIDNIGHT, UUID.randomUUID(), midnight), midnight);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.get(asCustomer(contract), number).statusCode(200)
                        .body("lockAdvice", nullValue()));
    }

    private void awaitLockRecorded(String contract) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().indefinitely().iterator().next().getLong(0) == 1);
    }
}
