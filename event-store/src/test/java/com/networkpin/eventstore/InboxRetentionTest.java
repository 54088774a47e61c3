package com.networkpin.eventstore;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.eventstore.consume.InboxRetention;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxRetentionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final InboxRetention retention;
    private final Pool pool;

    InboxRetentionTest(InboxRetention retention, Pool pool) {
        this.retention = retention;
        this.pool = pool;
    }

    @Test
    void rowsPastTheRetentionAreDeletedAndTheOthersKept() {
        String consumer = "retention-test-" + UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID justInside = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        insert(consumer, old, Duration.ofDays(31));
        insert(consumer, justInside, Duration.ofDays(29));
        insert(consumer, recent, Duration.ofSeconds(1));

        long deleted = retention.purge().await().atMost(TIMEOUT);

        assertEquals(Set.of(justInside, recent), kept(consumer));
        assertTrue(deleted >= 1, "at least this test's old row: " + deleted);
    }

    @Test
    void theRetentionMustOutlastTheTopics() {
        assertThrows(IllegalStateException.class,
                () -> InboxRetention.requireLongerThanTopics(Duration.ofDays(7), Duration.ofDays(7)));
        assertDoesNotThrow(() -> InboxRetention.requireLongerThanTopics(Duration.ofDays(30), Duration.ofDays(7)));
    }

    private void insert(String consumer, UUID eventId, Duration age) {
        pool.preparedQuery("""
                        INSERT INTO es_inbox (consumer, event_id, processed_at)
                        VALUES ($1, $2, now() - make_interval(secs => $3))""")
                .execute(Tuple.of(consumer, eventId, (double) age.toSeconds())).await().atMost(TIMEOUT);
    }

    private Set<UUID> kept(String consumer) {
        return pool.preparedQuery("SELECT event_id FROM es_inbox WHERE consumer = $1")
                .execute(Tuple.of(consumer)).await().atMost(TIMEOUT).stream().map(row -> row.getUUID(0))
                .collect(Collectors.toSet());
    }
}
