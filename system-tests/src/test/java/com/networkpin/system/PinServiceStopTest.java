package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F14: SIGTERM to a pin-service replica while its lanes are full. 64 gateways send wrong PINs, each to a
 * contract of its own, without pause, before, during and after the signal. Readiness turns DOWN while the
 * process still runs; every request is answered 200 (and then its AttemptFailed is in the history) or
 * refused, 503 or 429 (one gateway holding its share of a lane), with Retry-After, and then nothing is
 * recorded. A request that meets the closing port (connection refused, or a kept-alive connection closed
 * under it) is not decided either: none is decided after its answer, none decided without one.
 */
@ExtendWith(RunningSystem.class)
class PinServiceStopTest {

    private static final int GATEWAYS = 64;
    private static final int CONTRACTS = 8_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** What one request got: a status (with or without Retry-After), or a failure to connect or to be answered. */
    private record Answer(String contract, int status, boolean retryAfter, String failure) {
        String kind() {
            return failure != null ? failure : status + (refused() ? (retryAfter ? " Retry-After" : " no Retry-After") : "");
        }

        boolean refused() {
            return status == 503 || status == 429;
        }
    }

    @Test
    void aStoppedReplicaAnswersWhatItAcceptedAndRefusesTheRestWithRetryAfter() throws Exception {
        String run = "F14-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        PinApi main = new PinApi(StackService.PIN_SERVICE.url());
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            contracts.add(run + "-" + i);
        }
        ExecutorService gateways = Executors.newFixedThreadPool(GATEWAYS);
        ServiceProcess replica = RunningSystem.fleet().startAnother(StackService.PIN_SERVICE, freePort(),
                Path.of("target/service-logs/pin-service-stopped.log"));
        ExecutorService setters = Executors.newFixedThreadPool(16);
        inParallel(setters, contracts.stream().<Callable<Object>>map(contract -> () -> PinApi.expect(main.setPin(contract), 201))
                .toList());
        setters.shutdown();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean gone = new AtomicBoolean();
        boolean readinessDownWhileAlive = false;
        try {
            replica.awaitReady(TIMEOUT);
            String bearer = RunningSystem.actors().channel().bearer();
            for (int g = 0; g < GATEWAYS; g++) {
                gateways.submit(() -> {
                    int i;
                    while (!gone.get() && (i = next.getAndIncrement()) < CONTRACTS) {
                        answers.add(verify(http, replica.url(), bearer, contracts.get(i)));
                    }
                });
            }
            while (answers.stream().filter(answer -> answer.status() == 200).count() < 200) {
                Thread.sleep(10);
            }
            ProcessHandle process = ProcessHandle.of(replica.pid()).orElseThrow();
            process.destroy(); // SIGTERM
            while (process.isAlive()) {
                int ready = readiness(http, replica.url());
                readinessDownWhileAlive |= ready == 503 && process.isAlive();
                Thread.sleep(50);
            }
            gone.set(true);
        } finally {
            gateways.shutdown();
            gateways.awaitTermination(2, TimeUnit.MINUTES);
            replica.stop();
        }

        List<Answer> all = new ArrayList<>(answers);
        Map<String, Long> kinds = all.stream().collect(Collectors.groupingBy(Answer::kind, TreeMap::new, Collectors.counting()));
        ExecutorService readers = Executors.newFixedThreadPool(16);
        List<String> mismatches;
        try {
            mismatches = inParallel(readers, all.stream().<Callable<String>>map(answer -> () -> {
                long failed = main.history(answer.contract()).stream().filter(e -> e.type().equals("AttemptFailed")).count();
                return failed == (answer.status() == 200 ? 1 : 0) ? null
                        : answer.contract() + " answered " + answer.kind() + ", recorded " + failed + " AttemptFailed";
            }).toList()).stream().filter(Objects::nonNull).toList();
        } finally {
            readers.shutdown();
        }
        new FaultFigures("F14 SIGTERM of one pin-service replica, " + GATEWAYS + " gateways sending")
                .put("answers", kinds).put("readinessDownWhileAlive", readinessDownWhileAlive)
                .put("historyMismatches", mismatches.size()).print();

        assertTrue(readinessDownWhileAlive, "readiness turned DOWN before the process exited");
        assertEquals(List.of(), mismatches, "every 200 recorded once, every other answer nothing");
        assertEquals(List.of(), all.stream().filter(a -> a.refused() && !a.retryAfter()).toList(),
                "every refusal says when to try again");
        assertEquals(List.of(), all.stream().filter(a -> a.failure() == null && a.status() != 200 && !a.refused())
                .toList(), "only 200 and refusals");
        assertTrue(kinds.getOrDefault("503 Retry-After", 0L) > 0, "requests after the signal were refused: " + kinds);
    }

    private static Answer verify(HttpClient http, String url, String bearer, String contract) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/contracts/" + contract + "/pin/verifications"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"pin\":\"" + PinApi.WRONG_PIN + "\",\"channel\":\"MY_DOCOMO\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(contract, response.statusCode(), response.headers().firstValue("Retry-After").isPresent(),
                    null);
        } catch (java.net.ConnectException refused) {
            return new Answer(contract, 0, false, "connection refused");
        } catch (IOException e) {
            return new Answer(contract, 0, false, "no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(contract, 0, false, "interrupted");
        }
    }

    private static int readiness(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static <T> List<T> inParallel(ExecutorService pool, List<Callable<T>> calls) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : pool.invokeAll(calls)) {
            results.add(future.get());
        }
        return results;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
