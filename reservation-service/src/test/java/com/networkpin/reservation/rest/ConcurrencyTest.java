package com.networkpin.reservation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.reservation.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many requests at once for the same counters: the database keeps the count, and every loser gets a clean 409. */
@QuarkusTest
class ConcurrencyTest {

    private static final int REQUESTS = 200;

    @Inject
    Clock clock;

    @TestHTTPResource("/")
    URI base;

    /** One blocked caller per request; the client keeps its own threads for the I/O. */
    private final ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoHundredBookingsForOneTwoCounterSlotBookExactlyTwo() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 5);
        String start = Api.at(date, "14:00");

        List<HttpResponse<String>> answers = allAtOnce(i -> post("/reservations",
                Map.of("contractId", Api.freshContract(), "shopId", shop, "start", start, "purpose", "PIN_RESET"),
                UUID.randomUUID().toString()));

        Map<Integer, Integer> byStatus = countByStatus(answers);
        assertEquals(Map.of(201, 2, 409, REQUESTS - 2), byStatus, "statuses " + byStatus);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> {
            assertEquals("application/problem+json", a.headers().firstValue("Content-Type").orElse(""));
            assertEquals("/problems/slot-full", new JsonObject(a.body()).getString("type"));
        });
        assertEquals(0, Api.remaining(shop, date, "14:00"));
    }

    @Test
    void oneContractBookingTheSamePurposeManyTimesAtOnceGetsOneBooking() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        LocalDate date = Api.japanDate(clock, 5);
        int attempts = 30;

        List<HttpResponse<String>> answers = allAtOnce(attempts, i -> post("/reservations",
                Map.of("contractId", contract, "shopId", shop, "start", Api.at(date, slot(i)), "purpose", "PIN_RESET"),
                UUID.randomUUID().toString()));

        assertEquals(Map.of(201, 1, 409, attempts - 1), countByStatus(answers));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a ->
                assertEquals("/problems/active-booking-exists", new JsonObject(a.body()).getString("type")));
        Api.ofContract(contract).body("$", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void theSameIdempotencyKeySentManyTimesAtOnceBooksOnce() {
        String shop = Api.freshShop(2);
        String contract = Api.freshContract();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("contractId", contract, "shopId", shop,
                "start", Api.at(Api.japanDate(clock, 5), "15:00"), "purpose", "PIN_CHANGE");

        List<HttpResponse<String>> answers = allAtOnce(30, i -> post("/reservations", body, key));

        assertEquals(Map.of(200, 29, 201, 1), countByStatus(answers));
        assertEquals(1, answers.stream().map(a -> new JsonObject(a.body()).getString("reservationNumber"))
                .distinct().count());
        Api.ofContract(contract).body("$", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void concurrentReschedulesIntoOneSlotMoveOnlyAsManyAsItHasCounters() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 6);
        int movers = 30; // one booking in each slot from 10:00 to 17:15
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < movers; i++) {
            numbers.add(Api.booked(Api.freshContract(), shop, Api.at(date, slot(i)), "PIN_RESET"));
        }
        String target = Api.at(date, "18:45");

        List<HttpResponse<String>> answers = allAtOnce(movers,
                i -> post("/reservations/" + numbers.get(i) + "/reschedule", Map.of("start", target), null));

        assertEquals(Map.of(200, 2, 409, movers - 2), countByStatus(answers));
        assertEquals(0, Api.remaining(shop, date, "18:45"));
        for (int i = 0; i < movers; i++) {
            String from = slot(i);
            boolean moved = answers.get(i).statusCode() == 200;
            // a moved booking freed its old slot; a refused one still holds it, unchanged
            assertEquals(moved ? 2 : 1, Api.remaining(shop, date, from), "slot " + from);
            Api.get(numbers.get(i)).statusCode(200)
                    .body("start", org.hamcrest.Matchers.equalTo(moved ? target : Api.at(date, from)));
        }
    }

    private static String slot(int index) {
        return java.time.LocalTime.of(10, 0).plusMinutes(15L * index).toString();
    }

    private List<HttpResponse<String>> allAtOnce(Function<Integer, HttpRequest> request) {
        return allAtOnce(REQUESTS, request);
    }

    /** Sends all requests as close together as possible and waits for every answer. */
    private List<HttpResponse<String>> allAtOnce(int count, Function<Integer, HttpRequest> request) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest r = request.apply(i);
            pending.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return http.send(r, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        go.countDown();
        List<HttpResponse<String>> answers = pending.stream().map(CompletableFuture::join).toList();
        assertTrue(answers.stream().noneMatch(a -> a.statusCode() >= 500), "a 5xx answer");
        return answers;
    }

    private HttpRequest post(String path, Map<String, Object> body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject(body).encode()));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    private static Map<Integer, Integer> countByStatus(List<HttpResponse<String>> answers) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.statusCode(), 1, Integer::sum));
        return byStatus;
    }
}
