package com.networkpin.pin.service;

import static com.networkpin.testinfra.TopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The set-based unlock on many locks at once: several chunks, same rows as an append, safe to run again,
 * and one sweep at a time.
 */
@QuarkusTest
class MidnightUnlockerTest {

    private static final int LOCKED = 12_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Earlier than any lock other tests make, so their PINs are not touched. */
    private static final Instant MIDNIGHT = Instant.parse("2001-01-01T15:00:00Z");

    @Inject
    Pool pool;
    @Inject
    MidnightUnlocker unlocker;

    @Test
    void givenManyDueLocks_whenUnlocking_thenEachGetsOneUnlockedEventInChunksAndARerunFindsNothing() {
        String prefix = "bulk-" + UUID.randomUUID() + "-";
        seedLocked(prefix, LOCKED, MIDNIGHT);
        seedLocked(prefix + "later-", 3, MIDNIGHT.plus(Duration.ofDays(1)));
        UUID cause = UUID.randomUUID();

        long started = System.nanoTime();
        long unlocked = unlocker.unlockDue(cause, MIDNIGHT).await().atMost(TIMEOUT);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("MidnightUnlocker: %d locks lifted in %d ms (%.0f per second)%n", unlocked, millis,
                unlocked * 1000.0 / Math.max(1, millis));

        assertEquals(LOCKED, unlocked);
        assertEquals(LOCKED, count("SELECT count(*) FROM es_event WHERE stream_id LIKE $1 AND event_type = 'Unlocked'"
                + " AND version = 4 AND data->>'reason' = 'MIDNIGHT' AND data->>'causeEventId' = '" + cause + "'", prefix));
        assertEquals(LOCKED, count("SELECT count(*) FROM es_stream WHERE stream_id LIKE $1 AND version = 4", prefix));
        // Each Unlocked is published (the relay deletes an outbox row once Kafka has it: read the topic).
        assertEquals(LOCKED, TopicReader.read(Topics.PIN_EVENTS, record -> record.key().startsWith(prefix)
                && "network-pin.Unlocked".equals(header(record, "ce_type")), LOCKED, TIMEOUT).size());
        assertEquals(LOCKED, count("SELECT count(*) FROM pin_state WHERE contract_id LIKE $1 AND status = 'ACTIVE'"
                + " AND version = 4 AND consecutive_failures = 0 AND unlocks_at IS NULL", prefix));
        assertEquals(3, count("SELECT count(*) FROM pin_state WHERE contract_id LIKE $1 AND status = 'LOCKED'", prefix));

        assertEquals(0L, unlocker.unlockDue(cause, MIDNIGHT).await().atMost(TIMEOUT), "a rerun finds nothing due");
        assertEquals(LOCKED, count("SELECT count(*) FROM es_event WHERE stream_id LIKE $1 AND event_type = 'Unlocked'", prefix));
    }

    @Test
    void givenSweepsAskedForWhileOneRuns_thenOneRunsAfterItForAllOfThemAndFindsNothingLeft() throws Exception {
        String prefix = "sweeps-" + UUID.randomUUID() + "-";
        seedLocked(prefix, LOCKED, MIDNIGHT);
        LocalDate date = LocalDate.of(2001, 1, 2); // MIDNIGHT is its first instant in Japan
        unlocker.receive(MidnightUnlock.eventIdFor(date), new MidnightUnlock(date, MIDNIGHT, LOCKED, MIDNIGHT))
                .await().atMost(TIMEOUT);

        CompletableFuture<Long> first = unlocker.sweep().subscribeAsCompletionStage();
        CompletableFuture<Long> second = unlocker.sweep().subscribeAsCompletionStage();
        CompletableFuture<Long> third = unlocker.sweep().subscribeAsCompletionStage();

        assertTrue(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS) >= LOCKED, "the first sweep lifts every lock");
        // Run at once beside the first, they would have taken some of its chunks.
        assertEquals(0L, second.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the second ran after the first");
        assertEquals(0L, third.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the third shared the second");
        assertEquals(LOCKED, count("SELECT count(*) FROM es_event WHERE stream_id LIKE $1 AND event_type = 'Unlocked'", prefix));
        assertEquals(0L, unlocker.sweep().await().atMost(TIMEOUT), "a sweep after them runs too");
    }

    /**
     * Locked PINs whose stream and snapshot agree at version 3 (the unlock reads no earlier event, so
     * none is seeded); each one's Unlocked is version 4.
     */
    private void seedLocked(String prefix, int count, Instant unlocksAt) {
        Tuple args = Tuple.of(prefix, count, unlocksAt.atOffset(ZoneOffset.UTC));
        pool.preparedQuery("INSERT INTO es_stream (stream_id, version) SELECT $1 || g, 3 FROM generate_series(1, $2) g"
                + " WHERE $3::timestamptz IS NOT NULL").execute(args).await().atMost(TIMEOUT);
        pool.preparedQuery("""
                        INSERT INTO pin_state (contract_id, version, status, consecutive_failures, locked_at, unlocks_at)
                        SELECT $1 || g, 3, 'LOCKED', 3, $3::timestamptz - interval '1 hour', $3 FROM generate_series(1, $2) g""")
                .execute(args).await().atMost(TIMEOUT);
    }

    private long count(String sql, String prefix) {
        return pool.preparedQuery(sql).execute(Tuple.of(prefix + "%")).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }
}
