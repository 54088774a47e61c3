package com.networkpin.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open loop as a gateway under overload sees it (P7, P7f): requests at a fixed rate whatever the answers
 * do, each given up after the gateway's time-out; answers told apart as accepted (2xx and the other 4xx a
 * verification may get), refused (503 or 429, with or without Retry-After) and time-outs. Latencies are
 * measured from when a request was due (microseconds); the accepted ones also per second of the run.
 */
final class OpenLoop {

    /** At most this many connections of the load generator: past it, requests wait in its pool (and time out there). */
    private static final int MAX_CONNECTIONS = 4_096;

    record Outcome(long sent, Histogram accepted, Histogram refused, long refusedWithoutRetryAfter, long timedOut,
                   long failed, Map<Integer, Long> statuses, Histogram[] acceptedPerSecond) {

        /** The first whole second (from the start) from which every second's accepted p99 is under {@code millis}. */
        int settledAfter(double millis) {
            int settled = acceptedPerSecond.length;
            for (int s = acceptedPerSecond.length - 1; s >= 0; s--) {
                Histogram second = acceptedPerSecond[s];
                if (second.getTotalCount() > 0 && second.getValueAtPercentile(99) / 1000.0 >= millis) {
                    break;
                }
                settled = s;
            }
            return settled;
        }
    }

    private OpenLoop() {
    }

    static Outcome run(int perSecond, Duration duration, Duration timeout, IntFunction<JsonRequest> requests) {
        HttpClient client = Load.client(Math.min(perSecond, MAX_CONNECTIONS));
        try {
            int seconds = (int) duration.toSeconds();
            Recorder accepted = new Recorder(3);
            Recorder refused = new Recorder(3);
            Recorder[] perSecondAccepted = new Recorder[seconds];
            for (int s = 0; s < seconds; s++) {
                perSecondAccepted[s] = new Recorder(3);
            }
            LongAdder noRetryAfter = new LongAdder();
            LongAdder timedOut = new LongAdder();
            LongAdder failed = new LongAdder();
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            long total = (long) perSecond * seconds;
            long intervalNanos = 1_000_000_000L / perSecond;
            CountDownLatch answered = new CountDownLatch((int) total);
            long begin = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = begin + i * intervalNanos;
                int second = (int) (i / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                JsonRequest request = requests.apply(i);
                client.request(request.options().setTimeout(timeout.toMillis()))
                        .compose(sent -> sent.send(request.payload()))
                        .compose(response -> response.end().map(response))
                        .onComplete(answer -> {
                            long micros = (System.nanoTime() - due) / 1_000;
                            count(answer, micros, accepted, perSecondAccepted[second], refused, noRetryAfter, timedOut,
                                    failed, statuses);
                            answered.countDown();
                        });
            }
            Load.await(answered, timeout.plusSeconds(60), "requests unanswered");
            Histogram[] bySecond = new Histogram[seconds];
            for (int s = 0; s < seconds; s++) {
                bySecond[s] = perSecondAccepted[s].getIntervalHistogram();
            }
            Map<Integer, Long> counted = new TreeMap<>();
            statuses.forEach((status, count) -> counted.put(status, count.sum()));
            return new Outcome(total, accepted.getIntervalHistogram(), refused.getIntervalHistogram(), noRetryAfter.sum(),
                    timedOut.sum(), failed.sum(), counted, bySecond);
        } finally {
            client.close();
        }
    }

    private static void count(AsyncResult<HttpClientResponse> answer, long micros, Recorder accepted, Recorder second,
                              Recorder refused, LongAdder noRetryAfter, LongAdder timedOut, LongAdder failed,
                              Map<Integer, LongAdder> statuses) {
        if (answer.failed()) {
            (isTimeout(answer.cause()) ? timedOut : failed).increment();
            return;
        }
        int status = answer.result().statusCode();
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 503 || status == 429) {
            refused.recordValue(micros);
            if (answer.result().getHeader("Retry-After") == null) {
                noRetryAfter.increment();
            }
        } else if (status < 500) {
            accepted.recordValue(micros);
            second.recordValue(micros);
        }
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
