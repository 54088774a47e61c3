package com.networkpin.eventstore.idempotency;

import com.networkpin.events.LogSafe;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Forgets the answers of Idempotency-Keys past {@code network-pin.idempotency.retention}, by the
 * service's clock (which stamped them), so the table holds about a retention's worth of requests.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final Pool pool;
    private final IdempotencyStore answers;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyPurge(Pool pool, IdempotencyStore answers, IdempotencyConfig config, Clock clock) {
        this.pool = pool;
        this.answers = answers;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "idempotent-answer-purge", every = "${network-pin.idempotency.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return purge()
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("forgot the answers of %d Idempotency-Keys older than %s", deleted, config.retention());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Idempotency-Key purge failed, the next one retries: %s",
                        LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the answers past the retention; answers how many. */
    public Uni<Integer> purge() {
        return answers.deleteCreatedBefore(pool, clock.instant().minus(config.retention()));
    }
}
