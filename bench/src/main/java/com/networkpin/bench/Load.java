package com.networkpin.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** HTTP load: closed loop (N clients, each sends when its answer came) and open loop (fixed arrival rate). */
final class Load {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What one load run saw. Latencies in microseconds. */
    record Result(long completed, long errors, double perSecond, Histogram latencies) {
    }

    private Load() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        }
    }

    /** {@code clients} concurrent loops for {@code duration}; request i comes from {@code requests}. */
    static Result closedLoop(int clients, Duration duration, IntFunction<HttpRequest> requests) {
        AtomicBoolean running = new AtomicBoolean(true);
        return loops(clients, requests, i -> running.get(), 500, Duration.ofSeconds(60), () -> {
            sleep(duration);
            running.set(false);
        });
    }

    /** Exactly {@code count} requests through {@code clients} concurrent loops, as fast as they are answered. */
    static Result closedLoopCount(int clients, int count, IntFunction<HttpRequest> requests) {
        return loops(clients, requests, i -> i < count, 400, Duration.ofHours(1), () -> { });
    }

    /**
     * Loops that each send their next request once the last one is answered, while {@code more}
     * accepts the next request's index; answers from {@code errorStatus} on count as errors.
     */
    private static Result loops(int clients, IntFunction<HttpRequest> requests, IntPredicate more, int errorStatus,
                                Duration drainTimeout, Runnable whileRunning) {
        Recorder recorder = new Recorder(3);
        LongAdder errors = new LongAdder();
        AtomicInteger sequence = new AtomicInteger();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[clients];
        long begin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops[c] = done;
            next(requests, more, errorStatus, sequence, recorder, errors, done);
        }
        whileRunning.run();
        CompletableFuture.allOf(loops).orTimeout(drainTimeout.toSeconds(), TimeUnit.SECONDS).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        return new Result(histogram.getTotalCount(), errors.sum(), histogram.getTotalCount() / seconds, histogram);
    }

    private static void next(IntFunction<HttpRequest> requests, IntPredicate more, int errorStatus,
                             AtomicInteger sequence, Recorder recorder, LongAdder errors, CompletableFuture<Void> done) {
        int i = sequence.getAndIncrement();
        if (!more.test(i)) {
            done.complete(null);
            return;
        }
        long start = System.nanoTime();
        HTTP.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() >= errorStatus) {
                        errors.increment();
                    } else {
                        recorder.recordValue((System.nanoTime() - start) / 1_000);
                    }
                    next(requests, more, errorStatus, sequence, recorder, errors, done);
                });
    }

    /**
     * Requests at a fixed rate whatever the answers do; latency is measured from when a request
     * was due, not when it was sent, so a stall counts for every request it delayed.
     */
    static Result openLoop(int perSecond, Duration duration, IntFunction<HttpRequest> requests) {
        Recorder recorder = new Recorder(3);
        LongAdder errors = new LongAdder();
        long total = perSecond * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / perSecond;
        CompletableFuture<?>[] sent = new CompletableFuture<?>[(int) total];
        long begin = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sent[i] = HTTP.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() >= 500) {
                            errors.increment();
                        } else {
                            recorder.recordValue((System.nanoTime() - due) / 1_000);
                        }
                    });
        }
        CompletableFuture.allOf(sent).exceptionally(ignored -> null).orTimeout(120, TimeUnit.SECONDS).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        return new Result(histogram.getTotalCount(), errors.sum(), histogram.getTotalCount() / seconds, histogram);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
