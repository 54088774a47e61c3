package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.launcher.Actor;
import com.networkpin.launcher.StackService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F12: a channel gateway that gives up waiting after a few milliseconds and sends the same
 * verification again with its Idempotency-Key, up to three times (the last time waiting for the
 * answer), for 1,000 contracts at once. Its time-out is shorter than the service's answer under this
 * load, so retries arrive while the first request is still queued in its lane or being decided. Each
 * contract gets 0, 1 or 2 wrong entries and then the right PIN: its history must hold exactly as many
 * AttemptFailed as wrong entries the clients made, each answer must be the one its entry earned (2,
 * then 1 attempts left; then VERIFIED), and none may be locked.
 */
@ExtendWith(RunningSystem.class)
class RetryingGatewayTest {

    private static final int CONTRACTS = 1_000;
    private static final int GATEWAY_THREADS = 48;
    private static final Duration IMPATIENT = Duration.ofMillis(15);
    private static final Duration PATIENT = Duration.ofSeconds(30);
    private static final int RETRIES = 3;
    /** Every attempt of one entry, refusals and broken connections included: past it the test fails. */
    private static final int MAX_ATTEMPTS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
    private final Actor gateway = RunningSystem.actors().channel();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String prefix = "F12-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger brokenConnections = new AtomicInteger();
    private final AtomicInteger wrongAnswers = new AtomicInteger();

    @Test
    @DisplayName("F12: a gateway retrying every verification with its Idempotency-Key counts each wrong entry once")
    void retriedVerificationsCountOnce() throws Exception {
        long started = System.nanoTime();
        ExecutorService gateways = Executors.newFixedThreadPool(GATEWAY_THREADS);
        List<Future<Integer>> played = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            String contract = prefix + "-" + i;
            int wrong = i % 3;
            played.add(gateways.submit(() -> play(contract, wrong)));
        }
        int wrongEntries = 0;
        for (Future<Integer> contract : played) {
            wrongEntries += contract.get();
        }
        gateways.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int mismatches = 0;
        int locked = 0;
        int recordedFailures = 0;
        for (int i = 0; i < CONTRACTS; i++) {
            String contract = prefix + "-" + i;
            long failed = pin.history(contract).stream().filter(entry -> entry.type().equals("AttemptFailed")).count();
            recordedFailures += (int) failed;
            mismatches += failed == i % 3 ? 0 : 1;
            locked += pin.status(contract).status().equals("ACTIVE") ? 0 : 1;
        }

        new FaultFigures("F12 gateway retrying verifications with their Idempotency-Key (time-out "
                + IMPATIENT.toMillis() + " ms, up to " + RETRIES + " retries)")
                .put("contracts", CONTRACTS).put("requests", requests.get()).put("retries", retries.get())
                .put("replays", replays.get()).put("refusedWithRetryAfter", refused.get()).put("brokenConnections", brokenConnections.get()).put("wrongEntries", wrongEntries)
                .put("attemptFailedRecorded", recordedFailures).put("mismatches", mismatches)
                .put("wrongAnswers", wrongAnswers.get()).put("locked", locked)
                .put("took", took.toMillis() + "ms").print();
        assertEquals(0, mismatches, "contracts whose AttemptFailed count differs from the wrong entries made");
        assertEquals(wrongEntries, recordedFailures);
        assertEquals(0, wrongAnswers.get(), "answers other than the one each entry earned");
        assertEquals(0, locked, "contracts locked although no client made three wrong entries");
        assertTrue(retries.get() > 0 && replays.get() > 0,
                "the time-out is short enough for retries while the first is in flight: " + retries + " retries, "
                        + replays + " replays");
    }

    /** Sets the PIN, makes {@code wrong} wrong entries, then the right one; answers how many wrong entries. */
    private int play(String contract, int wrong) throws InterruptedException {
        PinApi.expect(pin.setPin(contract), 201);
        for (int entry = 1; entry <= wrong; entry++) {
            JsonNode answer = verify(contract, PinApi.WRONG_PIN);
            if (!"MISMATCH".equals(answer.path("outcome").asText()) || answer.path("remainingAttempts").asInt() != 3 - entry) {
                wrongAnswers.incrementAndGet();
            }
        }
        if (!"VERIFIED".equals(verify(contract, PinApi.RIGHT_PIN).path("outcome").asText())) {
            wrongAnswers.incrementAndGet();
        }
        return wrong;
    }

    /** One entry: sent with a fresh key, sent again with it when no answer came in time. */
    private JsonNode verify(String contract, String entry) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String body = "{\"pin\":\"" + entry + "\",\"channel\":\"MY_DOCOMO\"}";
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(StackService.PIN_SERVICE.url() + "/contracts/"
                            + contract + "/pin/verifications"))
                    .timeout(attempt < RETRIES ? IMPATIENT : PATIENT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + gateway.bearer())
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            requests.incrementAndGet();
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if ((response.statusCode() == 503 || response.statusCode() == 429)
                        && response.headers().firstValue("Retry-After").isPresent()) {
                    // refused before anything was decided: the gateway waits as told and sends it again
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new AssertionError(contract + ": still refused after " + MAX_ATTEMPTS + " attempts");
                    }
                    refused.incrementAndGet();
                    Thread.sleep(Math.min(2_000, Long.parseLong(response.headers().firstValue("Retry-After").get()) * 1_000));
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new AssertionError(contract + ": " + response.statusCode() + " " + response.body());
                }
                if (response.headers().firstValue("Idempotency-Replayed").isPresent()) {
                    replays.incrementAndGet();
                }
                return JSON.readTree(response.body());
            } catch (HttpTimeoutException gaveUp) {
                // the gateway's time-out: the first request goes on in the service; send it again
            } catch (IOException broken) {
                // a connection closed under the request: as after a time-out, the gateway sends it again
                if (attempt >= MAX_ATTEMPTS) {
                    throw new AssertionError(contract + ": " + broken.getMessage(), broken);
                }
                brokenConnections.incrementAndGet();
            }
        }
    }
}
