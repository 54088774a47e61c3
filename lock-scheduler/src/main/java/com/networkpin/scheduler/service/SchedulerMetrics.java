package com.networkpin.scheduler.service;

import com.networkpin.events.LogSafe;
import com.networkpin.scheduler.domain.Midnight;
import com.networkpin.scheduler.domain.Midnights;
import com.networkpin.scheduler.store.MidnightStore;
import com.networkpin.scheduler.store.PendingLockStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The lock-scheduler's figures, read from its projection every
 * {@code network-pin.scheduler.metrics.refresh-every}: pending locks and those due by the next
 * midnight; the last published midnight (its instant, the locks pending when it was published and
 * unlocked since); and how long the latest midnight that has passed has gone unpublished — above
 * a few minutes, no lock lifts tonight.
 */
@ApplicationScoped
public class SchedulerMetrics {

    private static final Logger LOG = Logger.getLogger(SchedulerMetrics.class);

    private final PendingLockStore locks;
    private final MidnightStore published;
    private final Midnights midnights;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dueByNextMidnight = new AtomicLong();
    private final AtomicLong lastMidnightEpochSecond = new AtomicLong();
    private final AtomicLong lastPendingAtPublish = new AtomicLong();
    private final AtomicLong lastUnlocked = new AtomicLong();
    private final AtomicLong overdueSeconds = new AtomicLong();

    public SchedulerMetrics(PendingLockStore locks, MidnightStore published, Midnights midnights, Clock clock,
                            MeterRegistry registry) {
        this.locks = locks;
        this.published = published;
        this.midnights = midnights;
        this.clock = clock;
        gauge(registry, "network-pin.scheduler.pending.locks", pending, "Locks waiting for a midnight");
        gauge(registry, "network-pin.scheduler.next.midnight.due.locks", dueByNextMidnight,
                "Pending locks the next midnight lifts");
        gauge(registry, "network-pin.scheduler.last.midnight.timestamp", lastMidnightEpochSecond,
                "The last published midnight, seconds since the epoch");
        gauge(registry, "network-pin.scheduler.last.midnight.pending.locks", lastPendingAtPublish,
                "Locks pending when the last midnight was published");
        gauge(registry, "network-pin.scheduler.last.midnight.unlocked", lastUnlocked,
                "Locks the pin-service reported lifted by the last midnight");
        gauge(registry, "network-pin.scheduler.midnight.overdue.seconds", overdueSeconds,
                "How long the latest passed midnight has gone unpublished (0 when it is published)");
    }

    private static void gauge(MeterRegistry registry, String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
    }

    @Scheduled(identity = "scheduler-metrics", every = "${network-pin.scheduler.metrics.refresh-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Instant now = clock.instant();
        Midnight next = midnights.nextAfter(now);
        Midnight passed = midnights.latestAtOrBefore(now);
        return locks.count(next.instant())
                .invoke(counts -> {
                    pending.set(counts.pending());
                    dueByNextMidnight.set(counts.dueByMidnight());
                })
                .chain(published::latest)
                .invoke(last -> {
                    last.ifPresent(midnight -> {
                        lastMidnightEpochSecond.set(midnight.midnight().getEpochSecond());
                        lastPendingAtPublish.set(midnight.pendingLocks());
                        lastUnlocked.set(midnight.unlockedCount());
                    });
                    boolean publishedPassed = last.isPresent() && !last.get().date().isBefore(passed.date());
                    overdueSeconds.set(publishedPassed ? 0 : Duration.between(passed.instant(), now).toSeconds());
                })
                .onFailure().invoke(failure -> LOG.debugf("scheduler figures not refreshed: %s", LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
