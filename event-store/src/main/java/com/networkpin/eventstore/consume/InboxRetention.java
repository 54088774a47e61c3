package com.networkpin.eventstore.consume;

import com.networkpin.events.LogSafe;
import com.networkpin.eventstore.config.EventStoreConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes inbox rows past {@code network-pin.event-store.inbox.retention}, a batch at a time so that
 * no long delete holds up the consumers. The retention must outlast the topics' (else an event still
 * on a topic could be applied twice after a consumer group reset): a shorter one refuses to start.
 * Compared with the database's clock, which stamped the rows.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final Pool pool;
    private final EventStoreConfig.InboxSettings config;

    public InboxRetention(Pool pool, EventStoreConfig config) {
        requireLongerThanTopics(config.inbox().retention(), config.topics().retention());
        this.pool = pool;
        this.config = config.inbox();
    }

    public static void requireLongerThanTopics(Duration inbox, Duration topics) {
        if (inbox.compareTo(topics) <= 0) {
            throw new IllegalStateException("network-pin.event-store.inbox.retention (" + inbox
                    + ") must be longer than the topics' retention (" + topics + "): an event still on a topic"
                    + " could otherwise be applied twice");
        }
    }

    @Scheduled(identity = "inbox-retention", every = "${network-pin.event-store.inbox.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        return purge()
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d inbox rows older than %s", deleted, config.retention());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("inbox purge failed, the next one retries: %s",
                        LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every row past the retention; answers how many. */
    public Uni<Long> purge() {
        return purgeFrom(0);
    }

    private Uni<Long> purgeFrom(long deletedSoFar) {
        return pool.preparedQuery("""
                        DELETE FROM es_inbox WHERE ctid IN (
                            SELECT ctid FROM es_inbox WHERE processed_at < now() - make_interval(secs => $1) LIMIT $2)""")
                .execute(Tuple.of((double) config.retention().toSeconds(), config.purgeBatch()))
                .chain(rows -> rows.rowCount() == config.purgeBatch()
                        ? purgeFrom(deletedSoFar + rows.rowCount())
                        : Uni.createFrom().item(deletedSoFar + rows.rowCount()));
    }
}
