package com.networkpin.scheduler.service;

import static com.networkpin.scheduler.PinEvents.envelope;
import static com.networkpin.scheduler.PinEvents.locked;
import static com.networkpin.scheduler.PinEvents.newContractId;
import static com.networkpin.scheduler.PinEvents.publish;
import static com.networkpin.scheduler.TestDates.japan;
import static com.networkpin.scheduler.TestDates.randomFutureDate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.scheduler.PinEvents;
import com.networkpin.scheduler.domain.PendingLock;
import com.networkpin.scheduler.store.PendingLockStore;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A projection gone wrong (a lock lost, a lifted one back, as after a bad restore) is repaired from the topic. */
@QuarkusTest
class PendingLockRebuildTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PendingLockRebuild rebuild;
    private final PendingLockStore locks;
    private final Pool pool;

    PendingLockRebuildTest(PendingLockRebuild rebuild, PendingLockStore locks, Pool pool) {
        this.rebuild = rebuild;
        this.locks = locks;
        this.pool = pool;
    }

    @Test
    void aRebuildRestoresALostLockDropsALiftedOneAndKeepsTheRest() {
        String kept = newContractId();
        String lost = newContractId();
        String lifted = newContractId();
        Instant midnight = japan(randomFutureDate(), LocalTime.MIDNIGHT);
        publish(kept, List.of(envelope(locked(kept, midnight)), envelope(locked(lost, midnight)),
                envelope(locked(lifted, midnight))));
        publish(lifted, List.of(envelope(PinEvents.unlockedByReset(lifted, Instant.now()))));
        await().atMost(TIMEOUT).until(() -> lockOf(lost).isPresent() && lockOf(kept).isPresent()
                && positionOf(lifted) == 2);
        Optional<PendingLock> keptBefore = lockOf(kept);
        Optional<PendingLock> lostBefore = lockOf(lost);
        sql("DELETE FROM pending_lock WHERE contract_id = $1", lost);
        sql("INSERT INTO pending_lock (contract_id, locked_at, unlocks_at) VALUES ($1, now(), now() + interval '1 day')",
                lifted);

        PendingLockRebuild.Rebuilt rebuilt = rebuild.rebuild().await().atMost(TIMEOUT);

        assertEquals(keptBefore, lockOf(kept), "a right lock stays as it was");
        assertEquals(lostBefore, lockOf(lost), "the lost lock is back");
        assertEquals(Optional.empty(), lockOf(lifted), "the lifted lock is gone again");
        assertEquals(2, positionOf(lifted), "stream positions are rebuilt too");
        assertTrue(rebuilt.contracts() >= 3 && rebuilt.records() >= 4, "read the whole topic: " + rebuilt);
    }

    private Optional<PendingLock> lockOf(String contract) {
        return locks.find(contract).await().atMost(TIMEOUT);
    }

    private long positionOf(String contract) {
        var rows = pool.preparedQuery("SELECT sequence FROM pin_stream_position WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().atMost(TIMEOUT);
        return rows.rowCount() == 0 ? 0 : rows.iterator().next().getLong(0);
    }

    private void sql(String statement, String contract) {
        pool.preparedQuery(statement).execute(Tuple.of(contract)).await().atMost(TIMEOUT);
    }
}
