package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F5: two pin-service instances on one database, 64 wrong entries for one PIN at once, split
 * between them. The stream lock serialises them whichever instance answers: exactly three
 * AttemptFailed and one Locked, every other entry refused. Each entry is sent as a gateway does: a
 * {@code 503}/{@code 429} with {@code Retry-After} (admission control refused it; nothing was recorded) is
 * sent again after the wait.
 */
@ExtendWith(RunningSystem.class)
class TwoPinServiceInstancesTest {

    private static final int ATTEMPTS = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void sixtyFourConcurrentWrongEntriesOnTwoInstancesFailThreeTimesAndLockOnce() throws Exception {
        String contract = "F5-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ServiceProcess another = RunningSystem.fleet().startAnother(StackService.PIN_SERVICE, freePort(),
                Path.of("target/service-logs/pin-service-second.log"));
        try {
            another.awaitReady(TIMEOUT);
            List<PinApi> instances = List.of(new PinApi(StackService.PIN_SERVICE.url()), new PinApi(another.url()));
            PinApi.expect(instances.get(0).setPin(contract), 201);

            List<Http.Reply> replies = concurrently(ATTEMPTS,
                    attempt -> asAGateway(() -> instances.get(attempt % 2).verify(contract, PinApi.WRONG_PIN)));
            Map<String, Long> answers = replies.stream().collect(Collectors.groupingBy(
                    reply -> reply.status() + " " + reply.text("outcome"), TreeMap::new, Collectors.counting()));

            List<PinApi.HistoryEntry> history = instances.get(1).history(contract);
            Map<String, Long> recorded = history.stream().collect(Collectors.groupingBy(PinApi.HistoryEntry::type,
                    TreeMap::new, Collectors.counting()));
            List<UUID> ids = history.stream().map(PinApi.HistoryEntry::eventId).toList();
            TopicCount topic = TopicCount.await(Topics.PIN_EVENTS, record -> contract.equals(record.key()), ids, TIMEOUT);
            Map<String, Long> published = topic.distinctByType();

            new FaultFigures("F5 two pin-service instances, " + ATTEMPTS + " concurrent wrong entries")
                    .put("answers", answers).put("recorded", recorded).put("publishedDistinct", published)
                    .put("expected", ATTEMPTS + 2).put("seen", topic.distinct()).put("lost", topic.lost(ids).size())
                    .put("duplicated", topic.duplicated())
                    .print();

            assertEquals(Map.of("200 LOCKED", (long) ATTEMPTS - 2, "200 MISMATCH", 2L), answers);
            assertEquals(Map.of("PinSet", 1L, "AttemptFailed", 3L, "Locked", 1L,
                    "AttemptRefused", (long) ATTEMPTS - 3), recorded);
            assertEquals(recorded, published, "the PIN topic carries the same events");
            assertEquals(0, topic.lost(ids).size());
        } finally {
            another.stop();
        }
    }

    private static Http.Reply asAGateway(java.util.function.Supplier<Http.Reply> call) {
        for (int attempt = 1; ; attempt++) {
            Http.Reply reply = call.get();
            if ((reply.status() != 503 && reply.status() != 429) || reply.header("Retry-After").isEmpty() || attempt == 5) {
                return reply;
            }
            try {
                Thread.sleep(Math.min(2_000, Long.parseLong(reply.header("Retry-After")) * 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }

    private static List<Http.Reply> concurrently(int count, Function<Integer, Http.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int attempt = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(attempt);
                }));
            }
            start.countDown();
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
