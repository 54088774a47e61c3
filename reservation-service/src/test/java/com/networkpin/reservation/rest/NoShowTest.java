package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.NoShow;
import com.networkpin.events.EventJson;
import com.networkpin.events.Topics;
import com.networkpin.reservation.Api;
import com.networkpin.reservation.service.NoShowJob;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The clock is moved past the slot, never slept through; the job is run by the test. */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class NoShowTest {

    @Inject
    MovableClock clock;
    @Inject
    NoShowJob job;

    @Test
    void aBookingNobodyCheckedInForBecomesANoShowAfterTheSlotAndTheGrace() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 1);
        String missed = Api.booked(asStaff(shop), Api.freshContract(), shop, Api.at(date, "11:00"), "PIN_RESET");
        String visited = Api.booked(asStaff(shop), Api.freshContract(), shop, Api.at(date, "11:00"), "PIN_RESET");

        // 11:29: the 11:00 slot ended at 11:15, the 15-minute grace is not over
        clock.moveTo(Api.instant(date, "11:29"));
        Api.checkIn(asStaff(shop), visited, "DRIVING_LICENCE", true).statusCode(200);
        job.markDue().await().atMost(Duration.ofSeconds(30));
        Api.get(asStaff(shop), missed).statusCode(200).body("status", equalTo("BOOKED"));

        clock.moveTo(Api.instant(date, "11:30"));
        assertTrue(job.markDue().await().atMost(Duration.ofSeconds(30)) >= 1);
        Api.get(asStaff(shop), missed).statusCode(200).body("status", equalTo("NO_SHOW"));
        Api.get(asStaff(shop), visited).statusCode(200).body("status", equalTo("CHECKED_IN"));
        Api.checkIn(asStaff(shop), missed, "DRIVING_LICENCE", true).statusCode(409).contentType(PROBLEM_JSON);

        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> missed.equals(r.key()) && r.value().contains("\"NoShow\""), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals(Api.instant(date, "11:00"), ((NoShow) EventJson.read(records.get(0).value()).data()).slotStart());

        // running again marks it no second time
        job.markDue().await().atMost(Duration.ofSeconds(30));
        assertEquals(1, TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> missed.equals(r.key()) && r.value().contains("\"NoShow\""), 2, Duration.ofSeconds(3)).size());
    }
}
