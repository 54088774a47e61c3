package com.networkpin.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.networkpin.eventstore.store.ConcurrencyConflict;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.eventstore.store.StoredEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentAppendTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EventStore store;
    private final Pool pool;

    ConcurrentAppendTest(EventStore store, Pool pool) {
        this.store = store;
        this.pool = pool;
    }

    @Test
    void twoAppendsAtTheSameVersionExactlyOneWins() throws Exception {
        String stream = "stream-" + UUID.randomUUID();
        appendAt(stream, 0).await().atMost(TIMEOUT);

        List<Throwable> outcomes = race(() -> appendAt(stream, 1), 2);

        assertEquals(1, outcomes.stream().filter(o -> o == null).count(), "exactly one append wins");
        assertInstanceOf(ConcurrencyConflict.class, outcomes.stream().filter(o -> o != null).findFirst().orElseThrow());
        assertEquals(2L, versionOf(stream));
    }

    @Test
    void twoWritersCreatingTheSameStreamExactlyOneWins() throws Exception {
        String stream = "stream-" + UUID.randomUUID();

        List<Throwable> outcomes = race(() -> appendAt(stream, 0), 2);

        assertEquals(1, outcomes.stream().filter(o -> o == null).count(), "exactly one creation wins");
        assertInstanceOf(ConcurrencyConflict.class, outcomes.stream().filter(o -> o != null).findFirst().orElseThrow());
        assertEquals(1L, versionOf(stream));
    }

    @Test
    void loadReturnsTheEventsInOrderAfterAVersion() {
        String stream = "stream-" + UUID.randomUUID();
        appendAt(stream, 0).await().atMost(TIMEOUT);
        appendAt(stream, 1).await().atMost(TIMEOUT);
        appendAt(stream, 2).await().atMost(TIMEOUT);

        List<StoredEvent> events = pool.withConnection(c -> store.load(c, stream, 1)).await().atMost(TIMEOUT);

        assertEquals(List.of(2L, 3L), events.stream().map(StoredEvent::version).toList());
        assertEquals("{\"n\": 1}", events.get(0).data());
    }

    /** Starts the appends together and returns, per append, null for success or its failure. */
    private List<Throwable> race(java.util.function.Supplier<Uni<Void>> append, int writers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Throwable>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                try {
                    append.get().await().atMost(TIMEOUT);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Throwable> outcomes = new ArrayList<>();
        for (CompletableFuture<Throwable> result : results) {
            outcomes.add(result.get());
        }
        return outcomes;
    }

    private Uni<Void> appendAt(String stream, long expectedVersion) {
        NewEvent event = new NewEvent(UUID.randomUUID(), "Counted", Instant.now(), "{\"n\": 1}", Optional.empty());
        return pool.withTransaction(tx -> store.append(tx, stream, expectedVersion, List.of(event)));
    }

    private long versionOf(String stream) {
        return pool.withConnection(c -> store.lock(c, stream)).await().atMost(TIMEOUT);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
