package com.networkpin.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networkpin.eventstore.store.ConcurrencyConflict;
import com.networkpin.eventstore.store.EventStore.StreamAppend;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.eventstore.store.StoredEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The set-based append to many streams, and locking many streams at once. */
@QuarkusTest
class AppendAllTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EventStore store;
    private final Pool pool;

    AppendAllTest(EventStore store, Pool pool) {
        this.store = store;
        this.pool = pool;
    }

    @Test
    void givenStreamsAtTheirVersions_whenAppendingToAllAtOnce_thenEachMovesOnWithItsEventsInOrder() {
        String first = givenStream(1);
        String second = givenStream(2);

        pool.withTransaction(tx -> store.appendAll(tx, List.of(
                new StreamAppend(first, 1, List.of(event("a"), event("b"))),
                new StreamAppend(second, 2, List.of(event("c")))))).await().atMost(TIMEOUT);

        assertEquals(Map.of(first, 3L, second, 3L), versionsOf(first, second));
        assertEquals(List.of("{\"n\": \"a\"}", "{\"n\": \"b\"}"), dataAfter(first, 1));
        assertEquals(List.of("{\"n\": \"c\"}"), dataAfter(second, 2));
    }

    @Test
    void givenOneStreamThatMovedOn_whenAppendingToAll_thenItConflictsAndNothingIsWritten() {
        String current = givenStream(1);
        String movedOn = givenStream(2);

        assertThrows(ConcurrencyConflict.class, () -> pool.withTransaction(tx -> store.appendAll(tx, List.of(
                new StreamAppend(current, 1, List.of(event("a"))),
                new StreamAppend(movedOn, 1, List.of(event("b")))))).await().atMost(TIMEOUT));

        assertEquals(Map.of(current, 1L, movedOn, 2L), versionsOf(current, movedOn));
        assertEquals(List.of(), dataAfter(current, 1));
    }

    @Test
    void givenAnIdWithoutAStream_whenLockingMany_thenOnlyTheExistingStreamsAnswer() {
        String existing = givenStream(1);

        assertEquals(Map.of(existing, 1L), versionsOf(existing, "stream-" + UUID.randomUUID()));
    }

    private String givenStream(int events) {
        String stream = "stream-" + UUID.randomUUID();
        List<NewEvent> history = IntStream.range(0, events).mapToObj(i -> event("seed")).toList();
        pool.withTransaction(tx -> store.append(tx, stream, 0, history)).await().atMost(TIMEOUT);
        return stream;
    }

    private Map<String, Long> versionsOf(String... streams) {
        return pool.withTransaction(tx -> store.lockAll(tx, List.of(streams))).await().atMost(TIMEOUT);
    }

    private List<String> dataAfter(String stream, long version) {
        return pool.withConnection(c -> store.load(c, stream, version)).await().atMost(TIMEOUT).stream()
                .map(StoredEvent::data).toList();
    }

    private static NewEvent event(String n) {
        return new NewEvent(UUID.randomUUID(), "Counted", Instant.now(), "{\"n\": \"" + n + "\"}", Optional.empty());
    }
}
