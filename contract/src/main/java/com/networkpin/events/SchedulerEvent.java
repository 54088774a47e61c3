package com.networkpin.events;

/** Events of the lock scheduler, published on {@link Topics#MIDNIGHT_UNLOCKS}. */
public sealed interface SchedulerEvent extends DomainEvent permits MidnightUnlock {
}
