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
     * One event. {@code channel} is an attempt's usage scene (else null); {@code remaining} an AttemptFailed's.
     * A disclosure or a reset names who did it ({@code person}: the agent or the staff member), how the
     * identity was checked ({@code identityCheck}: the chat's method or the shop's document) and where it can be
     * followed up ({@code reference}: the chat's case number or the reservation); other events leave them null.
     */
    public record Event(String type, OffsetDateTime at, String channel, Integer remaining, String person,
                        String identityCheck, String reference, String reason) {

        public boolean isAttempt() {
            return channel != null;
        }

        public boolean isDisclosure() {
            return "PinDisclosed".equals(type);
        }

        /** A disclosure or a reset: what the confirmations on record list. */
        public boolean isOnRecord() {
            return isDisclosure() || "PinReset".equals(type);
        }
    }

    public static List<Event> of(List<HistoryEntry> history) {
        return history.stream().map(Timeline::event).toList();
    }

    static Event event(HistoryEntry entry) {
        JsonNode data = entry.data() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : entry.data();
        String timeMember = TIME_OF.getOrDefault(entry.type(), "occurredAt");
        boolean reset = "PinReset".equals(entry.type());
        return new Event(entry.type(), time(data.path(timeMember)), text(data, "channel"),
                data.has("remainingAttempts") ? data.path("remainingAttempts").asInt() : null,
                text(data, reset ? "staffId" : "agentId"), text(data, reset ? "document" : "identityCheck"),
                text(data, reset ? "reservationNumber" : "identityCheckRef"), text(data, "reason"));
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
