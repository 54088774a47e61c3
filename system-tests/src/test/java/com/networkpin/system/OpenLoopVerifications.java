package com.networkpin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * PIN verifications at a fixed rate whatever the answers take (open loop), as channel gateways send
 * them: each entry, right or wrong, carries its own {@code Idempotency-Key}, and a gateway sends it
 * again with the same key after a {@code 503} or {@code 429} (waiting its {@code Retry-After}, at most
 * {@link #MAX_RETRY_AFTER}, and a random part of as long again, as gateways spread their retries: without
 * it every entry refused in one second comes back in the same instant and meets a full lane again), a {@code 409} (the first is still being decided), a {@code 502}/{@code 504}
 * from the load balancer, a broken connection or a time-out, until {@link #RETRY_BUDGET} after the
 * entry was first sent (a gateway gives up on a request after a time, not after a count: a count is
 * spent in seconds by quick refusals during an outage).
 * Each contract's entries go one after the other (a customer types the next PIN after seeing the
 * answer), alternating wrong and right so that no contract locks ({@link #alternating}) or only
 * wrong ones, to lock each contract and hit it while locked ({@link #wrongOnly}); many contracts are
 * under way at once. Every entry made is kept with its key and its final answer.
 */
final class OpenLoopVerifications {

    static final Duration RETRY_BUDGET = Duration.ofSeconds(60);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Set<Integer> RETRIED = Set.of(409, 429, 502, 503, 504);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One PIN entry: its key, whether it was the right PIN, and its final answer once there is one. */
    static final class Entry {
        final String contractId;
        final String key = UUID.randomUUID().toString();
        final boolean right;
        final String body; // the same bytes on every attempt
        final AtomicInteger attempts = new AtomicInteger();
        volatile long firstSent; // System.nanoTime() of the first attempt
        volatile String outcome;   // the final answer's outcome (200)
        volatile String failure;   // why the entry failed for good

        Entry(String contractId, boolean right) {
            this.contractId = contractId;
            this.right = right;
            this.body = "{\"pin\":\"" + (right ? PinApi.RIGHT_PIN : PinApi.WRONG_PIN) + "\",\"channel\":\"MY_DOCOMO\"}";
        }

        boolean answered() {
            return outcome != null;
        }

        boolean finished() {
            return outcome != null || failure != null;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final String url;
    private final Supplier<String> bearer;
    private final double perSecond;
    private final boolean wrongOnly;
    private final ConcurrentLinkedQueue<String> idle = new ConcurrentLinkedQueue<>();
    private final Map<String, List<Entry>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger brokenOrTimedOut = new AtomicInteger();
    private final AtomicInteger starved = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean running;
    private double due;

    /** Wrong and right entries in turn. @param contracts contracts whose PIN is {@link PinApi#RIGHT_PIN}, none with a wrong entry pending */
    static OpenLoopVerifications alternating(String url, Supplier<String> bearer, List<String> contracts, double perSecond) {
        return new OpenLoopVerifications(url, bearer, contracts, perSecond, false);
    }

    /** Wrong entries only. @param contracts contracts whose PIN is {@link PinApi#RIGHT_PIN}, none with a wrong entry pending */
    static OpenLoopVerifications wrongOnly(String url, Supplier<String> bearer, List<String> contracts, double perSecond) {
        return new OpenLoopVerifications(url, bearer, contracts, perSecond, true);
    }

    private OpenLoopVerifications(String url, Supplier<String> bearer, List<String> contracts, double perSecond,
                                  boolean wrongOnly) {
        this.url = url;
        this.bearer = bearer;
        this.perSecond = perSecond;
        this.wrongOnly = wrongOnly;
        idle.addAll(contracts);
        contracts.forEach(contract -> entries.put(contract, new ArrayList<>()));
    }

    void start() {
        running = true;
        timer.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends no new entry; waits (at most {@code timeout}) for the entries under way to be finished. */
    void stop(Duration timeout) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !all().stream().allMatch(Entry::finished)) {
            Thread.sleep(100);
        }
        timer.shutdownNow();
    }

    /** Every entry made, by contract, in the order made. */
    Map<String, List<Entry>> entries() {
        return entries;
    }

    List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        entries.values().forEach(list -> {
            synchronized (list) {
                all.addAll(list);
            }
        });
        return all;
    }

    int requests() {
        return requests.get();
    }

    /** Entries with their final answer (a 200) so far. */
    int answered() {
        return answered.get();
    }

    int retries() {
        return retries.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    int brokenOrTimedOut() {
        return brokenOrTimedOut.get();
    }

    /** Ticks at which no contract was free for a new entry: the load was then not fully open. */
    int starved() {
        return starved.get();
    }

    private void tick() {
        if (!running) {
            return;
        }
        due += perSecond * TICK.toMillis() / 1000.0;
        while (due >= 1) {
            due--;
            String contract = idle.poll();
            if (contract == null) {
                starved.incrementAndGet();
                return;
            }
            List<Entry> made = entries.get(contract);
            Entry entry;
            synchronized (made) {
                entry = new Entry(contract, !wrongOnly && made.size() % 2 == 1); // wrong, right, wrong, right…
                made.add(entry);
            }
            send(entry);
        }
    }

    private void send(Entry entry) {
        int attempt = entry.attempts.incrementAndGet();
        if (attempt == 1) {
            entry.firstSent = System.nanoTime();
        }
        requests.incrementAndGet();
        if (attempt > 1) {
            retries.incrementAndGet();
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url + "/contracts/" + entry.contractId + "/pin/verifications"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + bearer.get())
                    .header("Idempotency-Key", entry.key)
                    .POST(HttpRequest.BodyPublishers.ofString(entry.body))
                    .build();
        } catch (RuntimeException e) { // no token
            finish(entry, null, "not sent: " + e);
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                brokenOrTimedOut.incrementAndGet();
                Throwable cause = error.getCause() == null ? error : error.getCause();
                retryOrFail(entry, RETRY_PAUSE, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            } else if (response.statusCode() == 200) {
                finish(entry, outcome(response.body()), null);
            } else if (RETRIED.contains(response.statusCode())) {
                Duration pause = RETRY_PAUSE;
                if (response.statusCode() == 503 || response.statusCode() == 429) {
                    unavailable.incrementAndGet();
                    pause = retryAfter(response).orElse(RETRY_PAUSE);
                }
                retryOrFail(entry, pause, response.statusCode() + " " + response.body());
            } else {
                finish(entry, null, response.statusCode() + " " + response.body());
            }
        });
    }

    private void retryOrFail(Entry entry, Duration pause, String why) {
        long spent = System.nanoTime() - entry.firstSent;
        if (spent + pause.toNanos() > RETRY_BUDGET.toNanos()) {
            finish(entry, null, "given up after " + entry.attempts.get() + " attempts in "
                    + Duration.ofNanos(spent).toSeconds() + " s: " + why);
        } else {
            long jittered = pause.toMillis() + ThreadLocalRandom.current().nextLong(pause.toMillis() + 1);
            timer.schedule(() -> send(entry), jittered, TimeUnit.MILLISECONDS);
        }
    }

    /** The entry has its final answer: its contract is free for the next entry. */
    private void finish(Entry entry, String outcome, String failure) {
        entry.outcome = outcome;
        entry.failure = failure;
        if (outcome != null) {
            answered.incrementAndGet();
        }
        idle.add(entry.contractId);
    }

    private static String outcome(String body) {
        try {
            return JSON.readTree(body).path("outcome").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return Optional.of(Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_RETRY_AFTER.toSeconds()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the default pause
            }
        });
    }
}
