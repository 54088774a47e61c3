package com.networkpin.scheduler.service;

import com.networkpin.events.LogSafe;
import com.networkpin.events.MidnightUnlock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks the publisher every tick (and once at start-up, which is the catch-up after downtime)
 * whether a midnight is due. A failed tick is logged and the next one tries again.
 */
@ApplicationScoped
public class MidnightTicker {

    private static final Logger LOG = Logger.getLogger(MidnightTicker.class);
    private static final Duration START_UP_TIMEOUT = Duration.ofSeconds(30);

    private final MidnightPublisher publisher;

    public MidnightTicker(MidnightPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes a midnight missed while down before serving; a hung database does not block start-up. */
    void atStartUp(@Observes StartupEvent event) {
        tick().ifNoItem().after(START_UP_TIMEOUT).recoverWithUni(Uni.createFrom().voidItem()).await().indefinitely();
    }

    @Scheduled(identity = "midnight-tick", every = "${network-pin.scheduler.tick-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return publisher.publishDue()
                .invoke(MidnightTicker::logPublished)
                .onFailure().invoke(failure -> LOG.warnf("midnight tick failed, next tick retries: %s",
                        LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static void logPublished(Optional<MidnightUnlock> published) {
        published.ifPresent(event -> LOG.infof("published MidnightUnlock for %s (%s, %d pending locks)",
                event.date(), event.midnight(), event.pendingLocks()));
    }
}
