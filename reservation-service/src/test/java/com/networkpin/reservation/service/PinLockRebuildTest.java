package com.networkpin.reservation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Locked;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.reservation.Api;
import com.networkpin.reservation.PinTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A lock-state table gone wrong (a lock lost, a lifted one back, as after a bad restore) is repaired from the topic. */
@QuarkusTest
class PinLockRebuildTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PinLockRebuild rebuild;
    private final Pool pool;

    PinLockRebuildTest(PinLockRebuild rebuild, Pool pool) {
        this.rebuild = rebuild;
        this.pool = pool;
    }

    @Test
    void aRebuildRestoresALostLockClearsALiftedOneAndKeepsTheRest() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant midnight = now.plus(Duration.ofHours(20));
        String kept = Api.freshContract();
        String lost = Api.freshContract();
        String lifted = Api.freshContract();
        PinTopic.publish(new Locked(kept, now, midnight), now);
        PinTopic.publish(new Locked(lost, now, midnight), now);
        PinTopic.publish(new Locked(lifted, now, midnight), now);
        PinTopic.publish(new Unlocked(lifted, UnlockReason.RESET, UUID.randomUUID(), now), now);
        Awaitility.await().atMost(TIMEOUT).until(() -> !row(kept).isEmpty() && !row(lost).isEmpty()
                && row(lifted).equals(List.of("null", "2")));
        List<String> keptBefore = row(kept);
        List<String> lostBefore = row(lost);
        List<String> liftedBefore = row(lifted);
        sql("DELETE FROM contract_pin_lock WHERE contract_id = $1", lost);
        sql("UPDATE contract_pin_lock SET locked_until = now() + interval '1 day', sequence = 1 WHERE contract_id = $1",
                lifted);

        PinLockRebuild.Rebuilt rebuilt = rebuild.rebuild().await().atMost(TIMEOUT);

        assertEquals(keptBefore, row(kept), "a right lock state stays as it was");
        assertEquals(lostBefore, row(lost), "the lost lock is back");
        assertEquals(liftedBefore, row(lifted), "the lifted lock is lifted again, at its stream's sequence");
        assertTrue(rebuilt.contracts() >= 3 && rebuilt.records() >= 4 && rebuilt.lockedNow() >= 2,
                "read the whole topic: " + rebuilt);
    }

    /** locked_until (or "null") and sequence of the contract's row; empty without a row. */
    private List<String> row(String contract) {
        var rows = pool.preparedQuery("SELECT locked_until, sequence FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().atMost(TIMEOUT);
        if (rows.rowCount() == 0) {
            return List.of();
        }
        var row = rows.iterator().next();
        return List.of(String.valueOf(row.getOffsetDateTime(0) == null ? null : row.getOffsetDateTime(0).toInstant()),
                Long.toString(row.getLong(1)));
    }

    private void sql(String statement, String contract) {
        pool.preparedQuery(statement).execute(Tuple.of(contract)).await().atMost(TIMEOUT);
    }
}
