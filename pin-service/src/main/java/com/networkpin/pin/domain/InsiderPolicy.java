package com.networkpin.pin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Limits on the people who may open or change PINs, so that one phished or dishonest account cannot read or
 * reset PINs at scale: disclosures per support agent per hour and per day, resets per shop staff member per
 * day. Windows are rolling (the last hour, the last 24 hours), so no limit resets at a boundary; a refusal
 * says when the oldest counted action leaves its window.
 */
public record InsiderPolicy(int disclosuresPerAgentHour, int disclosuresPerAgentDay, int resetsPerStaffDay) {

    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration DAY = Duration.ofDays(1);

    public InsiderPolicy {
        if (disclosuresPerAgentHour < 1 || disclosuresPerAgentDay < disclosuresPerAgentHour || resetsPerStaffDay < 1) {
            throw new IllegalArgumentException("insider limits must be positive, the day's at least the hour's");
        }
    }

    /** Refuses a disclosure by an agent whose last day's disclosures ({@code recent}, oldest first) reach a limit. */
    public void checkDisclosure(List<Instant> recent, Instant now) {
        check(recent, now, HOUR, disclosuresPerAgentHour, RefusalReason.AGENT_DISCLOSURE_LIMIT, "this agent's disclosures");
        check(recent, now, DAY, disclosuresPerAgentDay, RefusalReason.AGENT_DISCLOSURE_LIMIT, "this agent's disclosures");
    }

    /** Refuses a reset by a staff member whose last day's resets ({@code recent}, oldest first) reach the limit. */
    public void checkReset(List<Instant> recent, Instant now) {
        check(recent, now, DAY, resetsPerStaffDay, RefusalReason.STAFF_RESET_LIMIT, "this staff member's resets");
    }

    private static void check(List<Instant> recent, Instant now, Duration window, int limit, RefusalReason reason,
                              String what) {
        List<Instant> within = recent.stream().filter(at -> at.isAfter(now.minus(window))).sorted().toList();
        if (within.size() >= limit) {
            Instant freed = within.get(within.size() - limit).plus(window);
            throw new PinRefused(reason, "The limit of " + limit + " of " + what + " per "
                    + (window.equals(HOUR) ? "hour" : "24 hours") + " is reached.", freed);
        }
    }
}
