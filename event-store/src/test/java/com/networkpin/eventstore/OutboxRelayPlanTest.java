package com.networkpin.eventstore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.eventstore.outbox.RelayLeadership;
import com.networkpin.eventstore.outbox.RelayRound;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The relay's round reads the outbox through its indexes whatever the table's statistics say: with
 * statistics taken while the outbox was nearly empty the planner would scan it whole, which under a
 * backlog of many thousand rows made rounds take longer than the relay waits.
 */
@QuarkusTest
class OutboxRelayPlanTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Any key but the relay's own, so that the running relay is not held back. */
    private static final long NOT_THE_RELAYS_LOCK = 42L;

    private final Pool pool;

    OutboxRelayPlanTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void aRoundNeverScansTheWholeOutbox() {
        pool.query("ANALYZE es_outbox").execute().await().atMost(TIMEOUT);

        String planned = pool.withTransaction(tx -> plan(tx)).await().atMost(TIMEOUT);
        String inRound = pool.withTransaction(tx -> tx.preparedQuery(RelayLeadership.LEAD_ROUND)
                .execute(Tuple.of(NOT_THE_RELAYS_LOCK)).chain(() -> plan(tx))).await().atMost(TIMEOUT);

        assertTrue(planned.contains("Seq Scan"), "the control: a small outbox is scanned whole by default\n" + planned);
        assertFalse(inRound.contains("Seq Scan"), inRound);
        assertTrue(inRound.contains("es_outbox_unsent") && inRound.contains("es_outbox_parked"), inRound);
    }

    private static Uni<String> plan(SqlClient tx) {
        return tx.preparedQuery("EXPLAIN " + RelayRound.NEXT_ROWS).execute(Tuple.of(500))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> row.getString(0)).collect(Collectors.joining("\n")));
    }
}
