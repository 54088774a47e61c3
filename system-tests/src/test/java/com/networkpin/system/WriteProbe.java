package com.networkpin.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Measures a write outage as a client sees it: one verification of its own contract (the right PIN,
 * a fresh Idempotency-Key) every {@value #EVERY_MS} ms, each with a short time-out, in its own thread.
 * The outage after an instant is the time from it to the first answer (200) of a request sent after
 * the last one that failed.
 */
final class WriteProbe implements AutoCloseable {

    private static final long EVERY_MS = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int RECOVERED_STREAK = 5;
    private static final Duration QUIET = Duration.ofSeconds(5);

    private record Sent(long sentAt, int status) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param contract a contract whose PIN is {@link PinApi#RIGHT_PIN} */
    WriteProbe(String url, Supplier<String> bearer, String contract) {
        URI uri = URI.create(url + "/contracts/" + contract + "/pin/verifications");
        thread = new Thread(() -> {
            while (running) {
                long at = System.nanoTime();
                sent.add(new Sent(at, send(uri, bearer.get())));
                long pause = EVERY_MS - (System.nanoTime() - at) / 1_000_000;
                try {
                    Thread.sleep(Math.max(0, pause));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "write-probe");
        thread.start();
    }

    private int send(URI uri, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + PinApi.RIGHT_PIN + "\",\"channel\":\"MY_DOCOMO\"}"))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0; // refused, broken or timed out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * The write outage after {@code since} (a System.nanoTime()): to the first answer (200) of a probe sent
     * after the last probe that failed, so that a fault taking effect a moment after {@code since} is not
     * hidden by an answer that came before it did; empty while no probe after the last failure is answered.
     */
    Optional<Duration> outageAfter(long since) {
        List<Sent> after = sent.stream().filter(probe -> probe.sentAt() >= since).toList();
        int lastFailed = -1;
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).status() != 200) {
                lastFailed = i;
            }
        }
        return after.subList(lastFailed + 1, after.size()).stream().filter(probe -> probe.status() == 200).findFirst()
                .map(probe -> Duration.ofNanos(probe.sentAt() - since));
    }

    /** Probes sent after {@code since} that got no answer (0) or another status than 200. */
    long failedAfter(long since) {
        return sent.stream().filter(probe -> probe.sentAt() >= since && probe.status() != 200).count();
    }

    /**
     * Waits (at most {@code timeout}) until writes are answered again after {@code since}: the last
     * {@value #RECOVERED_STREAK} probes answered 200, and either a probe failed before them or
     * {@link #QUIET} passed without a failure.
     */
    void awaitRecovered(long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Sent> after = sent.stream().filter(probe -> probe.sentAt() >= since).toList();
            boolean streak = after.size() >= RECOVERED_STREAK && after.subList(after.size() - RECOVERED_STREAK, after.size())
                    .stream().allMatch(probe -> probe.status() == 200);
            boolean failed = after.stream().anyMatch(probe -> probe.status() != 200);
            if (streak && (failed || System.nanoTime() - since > QUIET.toNanos())) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TIMEOUT.toMillis() * 2);
    }
}
