package com.networkpin.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The date changed in Japan: every lock whose unlocks-at is at or before {@code midnight} lifts.
 * One per Japanese date; its event id is derived from the date.
 */
public record MidnightUnlock(LocalDate date, Instant midnight, long pendingLocks, Instant publishedAt)
        implements SchedulerEvent {

    @Override
    public String subject() {
        return date.toString();
    }

    /** The same date always gives the same id, so a repeated publication is recognisably one event. */
    public static UUID eventIdFor(LocalDate date) {
        return UUID.nameUUIDFromBytes(("MidnightUnlock/" + date).getBytes(StandardCharsets.UTF_8));
    }
}
