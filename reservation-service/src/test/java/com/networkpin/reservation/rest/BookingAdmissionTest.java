package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.tokens;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.reservation.Api;
import com.networkpin.support.AdmissionGate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Past the booking path's capacity a request is refused early, 503 problem {@code overloaded} with
 * Retry-After, and nothing is written for it: one booking running and one waiting fill a path sized for
 * exactly that, the next booking and a cancellation are refused at once, the waiting booking at its deadline.
 * The running one is held by a table lock that keeps its transaction from writing its key. Each refusal is
 * counted by its reason.
 */
@QuarkusTest
@TestProfile(BookingAdmissionTest.OneRunningOneWaiting.class)
class BookingAdmissionTest {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Inject
    AdmissionGate gate;

    @Inject
    MeterRegistry registry;

    public static class OneRunningOneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.reservation.admission.max-in-progress", "1",
                    "network-pin.reservation.admission.max-waiting", "1",
                    "network-pin.reservation.admission.deadline", "PT1S",
                    "network-pin.reservation.admission.retry-after", "PT3S");
        }
    }

    @Test
    void givenAFullBookingPath_whenMoreRequestsCome_thenTheyAreRefused503WithRetryAfterAndWriteNothing()
            throws Exception {
        String shop = Api.freshShop(5);
        LocalDate date = Api.japanDate(clock, 3);
        String start = Api.at(date, "12:00");
        String staff = tokens().shopStaff(shop);
        String earlier = Api.freshContract();
        String earlierNumber = Api.booked(as(staff), earlier, shop, Api.at(date, "11:00"), "PIN_RESET");
        long earlierEvents = count("SELECT count(*) FROM es_event WHERE data->>'contractId' = $1", earlier);
        String running = Api.freshContract();
        String waiting = Api.freshContract();
        String refused = Api.freshContract();
        String waitingKey = UUID.randomUUID().toString();
        String refusedKey = UUID.randomUUID().toString();
        String cancelKey = UUID.randomUUID().toString();

        double fullBefore = refusals(AdmissionGate.FULL);
        double deadlineBefore = refusals(AdmissionGate.DEADLINE);
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction blocking = connection.begin().await().indefinitely();
        CompletableFuture<Integer> first;
        try {
            connection.query("LOCK TABLE idempotency_key IN SHARE MODE").execute().await().indefinitely();
            first = CompletableFuture.supplyAsync(() -> Api.book(as(staff), UUID.randomUUID().toString(), running,
                    shop, start, "PIN_RESET").extract().statusCode());
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.inProgress() == 1);
            CompletableFuture<ExtractableResponse<Response>> second = CompletableFuture.supplyAsync(
                    () -> Api.book(as(staff), waitingKey, waiting, shop, start, "PIN_RESET").extract());
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.waiting() == 1);

            thenOverloaded(Api.book(as(staff), refusedKey, refused, shop, start, "PIN_RESET").extract());
            thenOverloaded(as(staff).header("Idempotency-Key", cancelKey)
                    .post("/reservations/" + earlierNumber + "/cancel").then().extract());
            // the waiting booking is refused at its deadline, while the running one still holds its place
            thenOverloaded(second.get(20, TimeUnit.SECONDS));
            assertEquals(1, gate.inProgress());
        } finally {
            blocking.rollback().await().indefinitely();
            connection.close().await().indefinitely();
        }
        assertEquals(201, first.get(20, TimeUnit.SECONDS), "the booking admitted first is decided");
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.inProgress() == 0);

        for (String contract : new String[] {waiting, refused}) {
            assertEquals(0L, count("SELECT count(*) FROM reservation WHERE contract_id = $1", contract));
            assertEquals(0L, count("SELECT count(*) FROM es_event WHERE data->>'contractId' = $1", contract));
        }
        for (String key : new String[] {waitingKey, refusedKey, cancelKey}) {
            assertEquals(0L, count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = $1", key)
                    + count("SELECT count(*) FROM es_idempotent_answer WHERE idempotency_key = $1", key));
        }
        assertEquals(earlierEvents, count("SELECT count(*) FROM es_event WHERE data->>'contractId' = $1", earlier));
        Api.get(as(staff), earlierNumber).statusCode(200).body("status", equalTo("BOOKED"));
        assertEquals(4, Api.remaining(shop, date, "12:00"), "only the admitted booking took one of the five counters");
        assertEquals(2, refusals(AdmissionGate.FULL) - fullBefore, "the booking and the cancellation found it full");
        assertEquals(1, refusals(AdmissionGate.DEADLINE) - deadlineBefore, "the waiting booking reached its deadline");
    }

    private double refusals(String reason) {
        Counter counter = registry.find("network-pin.reservation.admission.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void thenOverloaded(ExtractableResponse<Response> answer) {
        assertEquals(503, answer.statusCode());
        assertTrue(answer.contentType().startsWith(PROBLEM_JSON), answer.contentType());
        assertEquals("3", answer.header("Retry-After"));
        assertEquals("/problems/overloaded", answer.path("type"));
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }
}
