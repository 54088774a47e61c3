package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.asStaff;
import static com.networkpin.reservation.Callers.tokens;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.EventJson;
import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.Topics;
import com.networkpin.reservation.Api;
import com.networkpin.reservation.Callers;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Check-in happens on the visit's date: the tests move the service's clock there, never wait for it. */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class VisitApiTest {

    @Inject
    MovableClock clock;
    @Inject
    Pool pool;

    @Test
    void aCheckInWithAnOriginalDocumentPublishesIdentityVerifiedNamingTheStaffMember() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.booked(contract, shop, Api.at(date, "11:00"), "PIN_RESET");
        clock.moveTo(Api.instant(date, "10:50"));
        String staff = tokens().shopStaff(shop);

        // an older client still sends the staff id it used to: ignored, the token says who checked
        as(staff).contentType(ContentType.JSON)
                .body(Map.of("idDocument", "MY_NUMBER_CARD", "original", true, "staffId", "staff-0042"))
                .post("/reservations/" + number + "/check-in")
                .then().statusCode(200).body("status", equalTo("CHECKED_IN"));

        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> number.equals(r.key()) && r.value().contains("\"IdentityVerified\""), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        IdentityVerified verified = (IdentityVerified) EventJson.read(records.get(0).value()).data();
        assertEquals(contract, verified.contractId());
        assertEquals(shop, verified.shopId());
        assertEquals(IdDocument.MY_NUMBER_CARD, verified.document());
        assertEquals("PIN_RESET", verified.purpose().name());
        assertEquals(Callers.subjectOf(staff), verified.staffId());
        assertEquals("network-pin.IdentityVerified",
                new String(records.get(0).headers().lastHeader(CloudEventHeaders.TYPE).value(), UTF_8));
    }

    @Test
    void refusedDocumentsListWhatIsAcceptedAndAppendNothing() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.booked(contract, shop, Api.at(date, "11:00"), "PIN_CHANGE");
        clock.moveTo(Api.instant(date, "10:50"));

        Api.checkIn(asStaff(shop), number, "DRIVING_LICENCE", false).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/document-not-accepted"))
                .body("accepted", hasSize(5))
                .body("accepted", hasItem(containsString("MY_NUMBER_CARD")));
        Api.checkIn(asStaff(shop), number, "HEALTH_INSURANCE_CARD", true).statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", containsString("health insurance card alone"))
                .body("accepted", hasItem(containsString("INTELLECTUAL_DISABILITY_CERTIFICATE")));
        Api.checkIn(asStaff(shop), number, "PASSPORT", true).statusCode(422).contentType(PROBLEM_JSON);

        Api.get(asCustomer(contract), number).statusCode(200).body("status", equalTo("BOOKED"));
        assertEquals(1, eventsOf(number)); // only ReservationBooked
    }

    @Test
    void checkInOpensOnTheVisitsDateInJapan() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(Api.freshContract(), shop, Api.at(date, "10:00"), "PIN_RESET");

        clock.moveTo(Api.instant(date.minusDays(1), "23:59"));
        Api.checkIn(asStaff(shop), number, "MY_NUMBER_CARD", true).statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/check-in-not-today"))
                .body("detail", containsString(date.toString()));
        Api.get(asStaff(shop), number).statusCode(200).body("status", equalTo("BOOKED"));
        assertEquals(1, eventsOf(number));

        clock.moveTo(Api.instant(date, "00:00"));
        Api.checkIn(asStaff(shop), number, "MY_NUMBER_CARD", true).statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void shopStaffBookTheSlotInProgressForAWalkInAndCheckItInAtOnce() {
        String shop = Api.freshShop(2);
        LocalDate today = Api.japanDate(clock, 1);
        clock.moveTo(Api.instant(today, "11:05"));

        String walkIn = Api.booked(asStaff(shop), Api.freshContract(), shop, Api.at(today, "11:00"), "PIN_RESET");
        Api.checkIn(asStaff(shop), walkIn, "DRIVING_LICENCE", true).statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        assertEquals(1, Api.remaining(shop, today, "11:00"));

        // a customer cannot book the slot in progress, nor staff a slot that has ended
        String customer = Api.freshContract();
        Api.book(UUID.randomUUID().toString(), customer, shop, Api.at(today, "11:00"), "PIN_RESET")
                .statusCode(422).contentType(PROBLEM_JSON).body("type", equalTo("/problems/in-the-past"));
        Api.book(asStaff(shop), UUID.randomUUID().toString(), customer, shop, Api.at(today, "10:45"), "PIN_RESET")
                .statusCode(422).contentType(PROBLEM_JSON).body("type", equalTo("/problems/in-the-past"));
        Api.ofContract(customer).statusCode(200).body("$", hasSize(0));
        assertEquals(1, Api.remaining(shop, today, "11:00"));
        assertEquals(2, Api.remaining(shop, today, "10:45"));
    }

    @Test
    void aCancelFreesTheSlotAndCannotBeRepeated() {
        String shop = Api.freshShop(1);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(contract, shop, Api.at(date, "16:00"), "PIN_RESET");
        assertEquals(0, Api.remaining(shop, date, "16:00"));

        Api.cancel(asCustomer(contract), number).statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(1, Api.remaining(shop, date, "16:00"));
        Api.cancel(asCustomer(contract), number).statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/not-booked"));
        Api.checkIn(asStaff(shop), number, "MY_NUMBER_CARD", true).statusCode(409).contentType(PROBLEM_JSON);
        assertEquals(1, Api.remaining(shop, date, "16:00"));
        assertEquals(2, eventsOf(number));
    }

    @Test
    void aRescheduleTakesTheNewSlotAndFreesTheOldOrChangesNothing() {
        String shop = Api.freshShop(1);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(contract, shop, Api.at(date, "10:00"), "PIN_RESET");
        Api.booked(asStaff(shop), Api.freshContract(), shop, Api.at(date, "12:00"), "PIN_RESET"); // 12:00 is full

        Api.reschedule(asCustomer(contract), number, Api.at(date, "12:00")).statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/slot-full"));
        Api.reschedule(asCustomer(contract), number, Api.at(date, "11:05")).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/not-on-slot-boundary"));
        Api.reschedule(asStaff(shop), number, Api.at(date, "10:00")).statusCode(422)
                .body("type", equalTo("/problems/same-slot"));
        assertEquals(0, Api.remaining(shop, date, "10:00"));
        assertEquals(1, eventsOf(number));

        Api.reschedule(asCustomer(contract), number, Api.at(date, "11:00")).statusCode(200)
                .body("start", equalTo(Api.at(date, "11:00"))).body("status", equalTo("BOOKED"));
        assertEquals(1, Api.remaining(shop, date, "10:00"));
        assertEquals(0, Api.remaining(shop, date, "11:00"));
        List<ConsumerRecord<String, String>> moved = TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> number.equals(r.key()) && r.value().contains("\"ReservationRescheduled\""), 1,
                Duration.ofSeconds(30));
        assertEquals(1, moved.size());
    }

    private long eventsOf(String number) {
        return pool.preparedQuery("SELECT count(*) FROM es_event WHERE stream_id = $1")
                .execute(Tuple.of("reservation-" + number)).await().indefinitely().iterator().next().getLong(0);
    }
}
