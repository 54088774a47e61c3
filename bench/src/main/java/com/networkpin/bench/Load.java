package com.networkpin.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * HTTP load: closed loop (N clients, each sends when its answer came) and open loop (fixed arrival rate).
 * The load generator is Vert.x core's non-blocking HTTP client on one Vert.x instance with two event loops:
 * HTTP/1.1, keep-alive, no pipelining, and for each run a client of its own whose pool holds one connection
 * per closed-loop client. (The JDK {@code java.net.http.HttpClient} it replaced cost 4–8× the CPU per request
 * of the floor service it measured, so the floors measured the load generator.)
 */
final class Load {

    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2)
            .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    /** How Vert.x names its event loop threads. */
    private static final String EVENT_LOOP_THREAD = "vert.x-eventloop-thread-";
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Single requests, one after another ({@link #status}). */
    private static final HttpClient SINGLE = client(1);

    /** What one load run saw. Latencies in microseconds. */
    record Result(long completed, long errors, double perSecond, Histogram latencies) {
    }

    private Load() {
    }

    /** A client of the load generator with at most {@code connections} keep-alive connections to each server. */
    static HttpClient client(int connections) {
        return VERTX.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true).setPipelining(false).setConnectTimeout(CONNECT_TIMEOUT_MILLIS),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** Sends {@code request} on {@code client}; the answer once its body has been read (and dropped). */
    static Future<HttpClientResponse> exchange(HttpClient client, JsonRequest request) {
        return client.request(request.options())
                .compose(sent -> sent.send(request.payload()))
                .compose(response -> response.end().map(response));
    }

    /** CPU time the load generator's event loops (which send every request and read every answer) have used, ns. */
    static long eventLoopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(EVENT_LOOP_THREAD))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.getId())))
                .sum();
    }

    /** Sends {@code request} and waits for the status of its answer. */
    static int status(JsonRequest request) {
        try {
            return exchange(SINGLE, request).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(request.url() + ": " + e.getMessage(), e);
        }
    }

    /** {@code clients} concurrent loops for {@code duration}; request i comes from {@code requests}. */
    static Result closedLoop(int clients, Duration duration, IntFunction<JsonRequest> requests) {
        AtomicBoolean running = new AtomicBoolean(true);
        return loops(clients, requests, i -> running.get(), 500, Duration.ofSeconds(60), () -> {
            sleep(duration);
            running.set(false);
        });
    }

    /** Exactly {@code count} requests through {@code clients} concurrent loops, as fast as they are answered. */
    static Result closedLoopCount(int clients, int count, IntFunction<JsonRequest> requests) {
        return loops(clients, requests, i -> i < count, 400, Duration.ofHours(1), () -> { });
    }

    /**
     * Loops, each on its own connection, that each send their next request once the last one is answered,
     * while {@code more} accepts the next request's index; answers from {@code errorStatus} on count as errors.
     */
    private static Result loops(int clients, IntFunction<JsonRequest> requests, IntPredicate more, int errorStatus,
                                Duration drainTimeout, Runnable whileRunning) {
        HttpClient client = client(clients);
        try {
            Tally tally = new Tally(errorStatus);
            AtomicInteger sequence = new AtomicInteger();
            CountDownLatch finished = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                next(client, requests, more, sequence, tally, finished);
            }
            whileRunning.run();
            await(finished, drainTimeout, "loops still running");
            return tally.result();
        } finally {
            client.close();
        }
    }

    private static void next(HttpClient client, IntFunction<JsonRequest> requests, IntPredicate more,
                             AtomicInteger sequence, Tally tally, CountDownLatch finished) {
        int i = sequence.getAndIncrement();
        if (!more.test(i)) {
            finished.countDown();
            return;
        }
        long start = System.nanoTime();
        exchange(client, requests.apply(i)).onComplete(answer -> {
            tally.count(answer, start);
            next(client, requests, more, sequence, tally, finished);
        });
    }

    /**
     * Requests at a fixed rate whatever the answers do; latency is measured from when a request
     * was due, not when it was sent, so a stall counts for every request it delayed. The pool may open
     * as many connections as requests are due in a second, so a stall queues in the system, not here.
     */
    static Result openLoop(int perSecond, Duration duration, IntFunction<JsonRequest> requests) {
        HttpClient client = client(perSecond);
        try {
            Tally tally = new Tally(500);
            long total = perSecond * duration.toSeconds();
            long intervalNanos = 1_000_000_000L / perSecond;
            CountDownLatch answered = new CountDownLatch((int) total);
            for (int i = 0; i < total; i++) {
                long due = tally.begin + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                exchange(client, requests.apply(i)).onComplete(answer -> {
                    tally.count(answer, due);
                    answered.countDown();
                });
            }
            await(answered, Duration.ofSeconds(120), "requests unanswered");
            return tally.result();
        } finally {
            client.close();
        }
    }

    /** The answers of one run: the latency of each good one, a count of the others. */
    private static final class Tally {

        private final Recorder latencies = new Recorder(3);
        private final LongAdder errors = new LongAdder();
        private final long begin = System.nanoTime();
        private final int errorStatus;

        Tally(int errorStatus) {
            this.errorStatus = errorStatus;
        }

        /** A failure or an answer from {@code errorStatus} on is an error; else its latency from {@code since}. */
        void count(AsyncResult<HttpClientResponse> answer, long since) {
            if (answer.failed() || answer.result().statusCode() >= errorStatus) {
                errors.increment();
            } else {
                latencies.recordValue((System.nanoTime() - since) / 1_000);
            }
        }

        Result result() {
            double seconds = (System.nanoTime() - begin) / 1e9;
            Histogram histogram = latencies.getIntervalHistogram();
            return new Result(histogram.getTotalCount(), errors.sum(), histogram.getTotalCount() / seconds, histogram);
        }
    }

    /** Waits for {@code latch}, or fails saying how many {@code what} after {@code timeout}. */
    static void await(CountDownLatch latch, Duration timeout, String what) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(latch.getCount() + " " + what + " after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
