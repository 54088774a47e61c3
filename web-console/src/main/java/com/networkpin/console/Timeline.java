package com.networkpin.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.console.Views.HistoryEntry;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A PIN's history as the support console shows it: one line an event, with its time, the channel
 * of an attempt and its outcome. Times are read with {@link OffsetDateTime#parse}, which takes both
 * {@code Z} and {@code +09:00}.
 */
public final class Timeline {

    /** The member of each event type that says when it happened. */
    private static final Map<String, String> TIME_OF = Map.of(
            "PinSet", "setAt", "AttemptSucceeded", "attemptedAt", "AttemptFailed", "attemptedAt",
            "AttemptRefused", "attemptedAt", "Locked", "lockedAt", "Unlocked", "unlockedAt",
            "ResetGranted", "grantedAt", "PinReset", "resetAt", "PinDisclosed", "disclosedAt");

    private Timeline() {
    }

    /**
     * One event. {@code channel} is an attempt's usage scene (else null); {@code agent} and
     * {@code identityCheck} are a disclosure's (else null); {@code remaining} an AttemptFailed's.
     */
    public record Event(String type, OffsetDateTime at, String channel, Integer remaining, String agent,
                        String identityCheck, String reason) {

        public boolean isAttempt() {
            return channel != null;
        }

        public boolean isDisclosure() {
            return "PinDisclosed".equals(type);
        }
    }

    public static List<Event> of(List<HistoryEntry> history) {
        return history.stream().map(Timeline::event).toList();
    }

    static Event event(HistoryEntry entry) {
        JsonNode data = entry.data() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : entry.data();
        String timeMember = TIME_OF.getOrDefault(entry.type(), "occurredAt");
        return new Event(entry.type(), time(data.path(timeMember)), text(data, "channel"),
                data.has("remainingAttempts") ? data.path("remainingAttempts").asInt() : null,
                text(data, "agentId"), text(data, "identityCheckRef"), text(data, "reason"));
    }

    private static OffsetDateTime time(JsonNode value) {
        try {
            return value.isTextual() ? OffsetDateTime.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode data, String member) {
        JsonNode value = data.path(member);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }
}
