package com.networkpin.scheduler.service;

import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.scheduler.domain.Midnights;
import com.networkpin.scheduler.store.MidnightStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Other scheduler instances on the same database, each with a clock of its own, as a replica or a restart would have. */
@ApplicationScoped
public class SchedulerInstances {

    private final Transactions transactions;
    private final MidnightStore midnights;
    private final Outbox outbox;
    private final Midnights calendar;

    public SchedulerInstances(Transactions transactions, MidnightStore midnights, Outbox outbox, Midnights calendar) {
        this.calendar = calendar;
        this.transactions = transactions;
        this.midnights = midnights;
        this.outbox = outbox;
    }

    public MidnightPublisher publisherAt(Instant now) {
        return new MidnightPublisher(Clock.fixed(now, ZoneOffset.UTC), calendar, transactions, midnights, outbox);
    }
}
