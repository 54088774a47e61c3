package com.networkpin.reservation.service;

import com.networkpin.reservation.config.ReservationConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Turns bookings nobody checked in for into no-shows, periodically; each in its own transaction. */
@ApplicationScoped
public class NoShowJob {

    private static final Logger LOG = Logger.getLogger(NoShowJob.class);

    private final VisitService visits;
    private final ReservationConfig config;

    public NoShowJob(VisitService visits, ReservationConfig config) {
        this.visits = visits;
        this.config = config;
    }

    @Scheduled(identity = "no-show-job", every = "${network-pin.reservation.no-show-job.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return markDue().invoke(marked -> {
            if (marked > 0) {
                LOG.infof("marked %d bookings as no-shows", marked);
            }
        }).replaceWithVoid();
    }

    /** Marks up to one batch of due bookings, one after another; returns how many it marked. */
    public Uni<Integer> markDue() {
        return visits.dueForNoShow(config.noShowJob().batchSize())
                .onItem().transformToMulti(numbers -> Multi.createFrom().iterable(numbers))
                .onItem().transformToUniAndConcatenate(visits::markNoShow)
                .collect().asList()
                .map(marked -> (int) marked.stream().filter(Boolean::booleanValue).count());
    }
}
