package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.verify;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentAttemptsTest {

    private static final int ATTEMPTS = 50;

    @Inject
    Pool pool;

    @Test
    void given50ConcurrentWrongAttempts_thenExactlyThreeFailOneLocksAndTheRestAreRefused() throws Exception {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);

        List<HttpResponse<String>> responses = sendConcurrently(contract, "1357", ATTEMPTS);

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(200, (long) ATTEMPTS), statuses, "no conflict surfaces as an error");
        Map<String, Long> outcomes = responses.stream()
                .map(r -> r.body().replaceAll(".*\"outcome\":\"([A-Z]+)\".*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("MISMATCH", 2L, "LOCKED", 48L), outcomes);
        assertEquals(3, countEvents(pool, contract, "AttemptFailed"));
        assertEquals(1, countEvents(pool, contract, "Locked"));
        assertEquals(ATTEMPTS - 3, countEvents(pool, contract, "AttemptRefused"), "every attempt after the lock");
        assertEquals(0, countEvents(pool, contract, "AttemptSucceeded"));

        verify(contract, "4827").statusCode(200).body("outcome", equalTo("LOCKED"));
        assertEquals(ATTEMPTS - 2, countEvents(pool, contract, "AttemptRefused"), "even the right PIN is refused unread");
    }

    private static List<HttpResponse<String>> sendConcurrently(String contract, String pin, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/contracts/" + contract + "/pin/verifications");
        String authorization = "Bearer " + tokens().client("channel-gateway");
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\",\"channel\":\"D_PAYMENT\"}"))
                    .build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : pending) {
            responses.add(response.get());
        }
        return responses;
    }
}
