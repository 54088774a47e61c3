package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
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
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitApiTest {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Test
    void aCheckInWithAnOriginalDocumentPublishesIdentityVerified() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        String number = Api.booked(contract, shop, Api.at(Api.japanDate(clock, 1), "11:00"), "PIN_RESET");

        Api.checkIn(number, "MY_NUMBER_CARD", true).statusCode(200).body("status", equalTo("CHECKED_IN"));

        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> number.equals(r.key()) && r.value().contains("\"IdentityVerified\""), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        IdentityVerified verified = (IdentityVerified) EventJson.read(records.get(0).value()).data();
        assertEquals(contract, verified.contractId());
        assertEquals(IdDocument.MY_NUMBER_CARD, verified.document());
        assertEquals("PIN_RESET", verified.purpose().name());
        assertEquals("staff-1", verified.staffId());
        assertEquals("network-pin.IdentityVerified",
                new String(records.get(0).headers().lastHeader(CloudEventHeaders.TYPE).value(), UTF_8));
    }

    @Test
    void refusedDocumentsListWhatIsAcceptedAndAppendNothing() {
        String shop = Api.freshShop(2);
        String number = Api.booked(Api.freshContract(), shop, Api.at(Api.japanDate(clock, 1), "11:00"), "PIN_CHANGE");

        Api.checkIn(number, "DRIVING_LICENCE", false).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/document-not-accepted"))
                .body("accepted", hasSize(5))
                .body("accepted", hasItem(containsString("MY_NUMBER_CARD")));
        Api.checkIn(number, "HEALTH_INSURANCE_CARD", true).statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", containsString("health insurance card alone"))
                .body("accepted", hasItem(containsString("INTELLECTUAL_DISABILITY_CERTIFICATE")));
        Api.checkIn(number, "PASSPORT", true).statusCode(422).contentType(PROBLEM_JSON);

        Api.get(number).statusCode(200).body("status", equalTo("BOOKED"));
        assertEquals(1, eventsOf(number)); // only ReservationBooked
    }

    @Test
    void aCancelFreesTheSlotAndCannotBeRepeated() {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(Api.freshContract(), shop, Api.at(date, "16:00"), "PIN_RESET");
        assertEquals(0, Api.remaining(shop, date, "16:00"));

        Api.cancel(number).statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(1, Api.remaining(shop, date, "16:00"));
        Api.cancel(number).statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo("/problems/not-booked"));
        Api.checkIn(number, "MY_NUMBER_CARD", true).statusCode(409).contentType(PROBLEM_JSON);
        assertEquals(1, Api.remaining(shop, date, "16:00"));
        assertEquals(2, eventsOf(number));
    }

    @Test
    void aRescheduleTakesTheNewSlotAndFreesTheOldOrChangesNothing() {
        String shop = Api.freshShop(1);
        LocalDate date = Api.japanDate(clock, 2);
        String number = Api.booked(Api.freshContract(), shop, Api.at(date, "10:00"), "PIN_RESET");
        Api.booked(Api.freshContract(), shop, Api.at(date, "12:00"), "PIN_RESET"); // 12:00 is full

        Api.reschedule(number, Api.at(date, "12:00")).statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/slot-full"));
        Api.reschedule(number, Api.at(date, "11:05")).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/not-on-slot-boundary"));
        Api.reschedule(number, Api.at(date, "10:00")).statusCode(422).body("type", equalTo("/problems/same-slot"));
        assertEquals(0, Api.remaining(shop, date, "10:00"));
        assertEquals(1, eventsOf(number));

        Api.reschedule(number, Api.at(date, "11:00")).statusCode(200)
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
