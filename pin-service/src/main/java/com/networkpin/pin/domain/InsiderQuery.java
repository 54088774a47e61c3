package com.networkpin.pin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the security team asks of the audit trail: the entries recorded in {@code [from, to)}, of one person and
 * one kind of action if given, older than entry {@code before} (the next page), at most {@code limit}. The
 * window and the page are bounded, so a question never reads the whole trail at once.
 */
public record InsiderQuery(Optional<String> person, Optional<String> action, Instant from, Instant to,
                           Optional<Long> before, int limit) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    public static final Set<String> ACTIONS = Set.of(InsiderAction.DISCLOSURE, InsiderAction.RESET);

    /** Refuses a question outside the bounds, saying which; nothing is read then. */
    public InsiderQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'.");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("The time range is at most " + MAX_WINDOW.toDays() + " days.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'limit' is between 1 and " + MAX_LIMIT + ".");
        }
        if (action.filter(a -> !ACTIONS.contains(a)).isPresent()) {
            throw new IllegalArgumentException("'action' is disclosure or reset.");
        }
        if (before.filter(b -> b < 1).isPresent()) {
            throw new IllegalArgumentException("'before' is an entry id, from 1.");
        }
    }
}
