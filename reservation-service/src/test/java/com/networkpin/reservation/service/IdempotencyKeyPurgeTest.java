package com.networkpin.reservation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.reservation.store.IdempotencyStore;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class IdempotencyKeyPurgeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    MovableClock clock;
    @Inject
    Pool pool;
    @Inject
    IdempotencyStore keys;
    @Inject
    IdempotencyKeyPurge purge;

    @Test
    void keysPastTheRetentionAreForgottenAndNewerOnesKept() {
        Instant now = clock.instant();
        String expired = "expired-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        pool.withTransaction(tx -> keys.claim(tx, expired, "hash", now.minus(Duration.ofDays(7)).minusSeconds(1))
                        .chain(() -> keys.claim(tx, kept, "hash", now.minus(Duration.ofDays(7)).plusSeconds(60))))
                .await().atMost(TIMEOUT);

        purge.purge().await().atMost(TIMEOUT);

        assertEquals(Set.of(kept), pool.preparedQuery("SELECT idempotency_key FROM idempotency_key WHERE idempotency_key = ANY($1)")
                .execute(Tuple.of(new String[] {expired, kept})).await().atMost(TIMEOUT).stream()
                .map(row -> row.getString(0)).collect(Collectors.toSet()));
    }
}
