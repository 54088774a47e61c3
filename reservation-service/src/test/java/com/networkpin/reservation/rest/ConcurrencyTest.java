package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Callers.as;
import static com.networkpin.reservation.Callers.tokens;
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

/**
 * Many requests at once for the same counters: the database keeps the count, and every loser gets a
 * clean 409. The shop's staff book for many contracts (one token), as at a busy counter.
 */
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
        String staff = tokens().shopStaff(shop);

        List<HttpResponse<String>> answers = allAtOnce(i -> post(staff, "/reservations",
                Api.booking(Api.freshContract(), shop, start, "PIN_RESET"), UUID.randomUUID().toString()));

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
        String customer = tokens().customer(contract);

        List<HttpResponse<String>> answers = allAtOnce(attempts, i -> post(customer, "/reservations",
                Api.booking(contract, shop, Api.at(date, slot(i)), "PIN_RESET"), UUID.randomUUID().toString()));

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
        Map<String, Object> body = Api.booking(contract, shop, Api.at(Api.japanDate(clock, 5), "15:00"), "PIN_CHANGE");
        String staff = tokens().shopStaff(shop);

        List<HttpResponse<String>> answers = allAtOnce(30, i -> post(staff, "/reservations", body, key));

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
        String staff = tokens().shopStaff(shop);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < movers; i++) {
            numbers.add(Api.booked(as(staff), Api.freshContract(), shop, Api.at(date, slot(i)), "PIN_RESET"));
        }
        String target = Api.at(date, "18:45");

        List<HttpResponse<String>> answers = allAtOnce(movers,
                i -> post(staff, "/reservations/" + numbers.get(i) + "/reschedule", Map.of("start", target), null));

        assertEquals(Map.of(200, 2, 409, movers - 2), countByStatus(answers));
        assertEquals(0, Api.remaining(shop, date, "18:45"));
        for (int i = 0; i < movers; i++) {
            String from = slot(i);
            boolean moved = answers.get(i).statusCode() == 200;
            // a moved booking freed its old slot; a refused one still holds it, unchanged
            assertEquals(moved ? 2 : 1, Api.remaining(shop, date, from), "slot " + from);
            Api.get(as(staff), numbers.get(i)).statusCode(200)
                    .body("start", org.hamcrest.Matchers.equalTo(moved ? target : Api.at(date, from)));
        }
    }

    @Test
    void operatorsAddingTheSameShopAtOnceAddItOnceAndReplaceIt() {
        String id = Api.freshShopId();
        String operator = tokens().user("operator1");

        List<HttpResponse<String>> answers = allAtOnce(10,
                i -> send("PUT", operator, "/shops/" + id, Api.shopDefinition(id, 1 + i), null));

        assertEquals(Map.of(200, 9, 201, 1), countByStatus(answers));
        // the last replacement stands: one of the sent shops, whole
        io.restassured.RestAssured.given().get("/shops/" + id).then().statusCode(200)
                .body("counters", org.hamcrest.Matchers.in(answers.stream()
                        .map(a -> new JsonObject(a.body()).getInteger("counters")).toList()))
                .body("openingHours.MONDAY.opens", org.hamcrest.Matchers.equalTo("10:00"));
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

    private HttpRequest post(String token, String path, Map<String, Object> body, String idempotencyKey) {
        return send("POST", token, path, body, idempotencyKey);
    }

    private HttpRequest send(String method, String token, String path, Map<String, Object> body,
                             String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(new JsonObject(body).encode()));
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
