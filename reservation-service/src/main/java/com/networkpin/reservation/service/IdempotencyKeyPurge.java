package com.networkpin.reservation.service;

import com.networkpin.events.LogSafe;
import com.networkpin.reservation.config.ReservationConfig;
import com.networkpin.reservation.store.IdempotencyStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Forgets booking Idempotency-Keys past {@code network-pin.reservation.idempotency-keys.retention},
 * by this service's clock (which stamped them), so the table does not grow with every booking ever made.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final Pool pool;
    private final IdempotencyStore keys;
    private final ReservationConfig.IdempotencyKeys config;
    private final Clock clock;

    public IdempotencyKeyPurge(Pool pool, IdempotencyStore keys, ReservationConfig config, Clock clock) {
        this.pool = pool;
        this.keys = keys;
        this.config = config.idempotencyKeys();
        this.clock = clock;
    }

    @Scheduled(identity = "idempotency-key-purge", every = "${network-pin.reservation.idempotency-keys.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return purge()
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("forgot %d Idempotency-Keys older than %s", deleted, config.retention());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Idempotency-Key purge failed, the next one retries: %s",
                        LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the keys past the retention; answers how many. */
    public Uni<Integer> purge() {
        return keys.deleteCreatedBefore(pool, clock.instant().minus(config.retention()));
    }
}
