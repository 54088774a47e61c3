package com.networkpin.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the pages show of the services' answers (members the pages do not use are ignored). */
public final class Views {

    private Views() {
    }

    /** The pin-service's status answer, with its support guidance. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PinState(String contractId, String status, int consecutiveFailures, int remainingAttempts,
                           Instant lockedAt, Instant unlocksAt, Guidance guidance) {

        public boolean isLocked() {
            return "LOCKED".equals(status);
        }

        public boolean isSet() {
            return !"NOT_SET".equals(status);
        }
    }

    /** The English sentences ({@code chatbot}, {@code shopReset}) and the same as {@code notes} the pages word. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Guidance(String chatbot, MannedChat mannedChat, String shopReset, List<Note> notes) {
    }

    /** One piece of guidance: its code, its parameters (times ISO-8601 with offset) and its English text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Note(String code, Map<String, String> params, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MannedChat(boolean openNow, String hours, Instant nextOpening, String forgottenPin) {
    }

    /** A name in English and in Japanese ({@code {x.localName}} picks the page's, see {@link LocalNames}). */
    public interface Bilingual {
        String name();

        String nameJa();
    }

    /**
     * A shop, named and placed in both languages; {@code openingHours} by weekday name (a weekday left out
     * is a closing day).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shop(String id, String name, String nameJa, String prefecture, String prefectureJa, String address,
                       int counters, Map<String, Hours> openingHours, List<LocalDate> closedDates) implements Bilingual {

        public Prefecture prefectureNames() {
            return new Prefecture(prefecture, prefectureJa);
        }
    }

    /** A prefecture: {@code name} as the reservation-service is asked (Tokyo), {@code nameJa} as shown (東京都). */
    public record Prefecture(String name, String nameJa) implements Bilingual {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hours(String opens, String closes) {
    }

    /** One event of a PIN's history: its type and its data as the pin-service gave them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(long version, String type, JsonNode data) {
    }

    /** The disclosed PIN: shown once, on the page that answers the agent's request. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disclosed(String pin, OffsetDateTime disclosedAt) {
    }

    /** One page of the pin-service's audit trail; {@code nextBefore} asks for the next, null on the last. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InsiderPage(List<InsiderAction> entries, Long nextBefore) {
    }

    /** A disclosure or a reset: who, in which sign-in session, after which identity check, on which contract, when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InsiderAction(long id, String action, String actorId, String sessionId, String identityCheck,
                                String reference, String contractId, OffsetDateTime at) {

        public boolean isDisclosure() {
            return "disclosure".equals(action);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DaySlots(String shopId, LocalDate date, boolean open, List<Slot> slots) {
    }

    /** A 15-minute slot; {@code bookable} is false once begun, beyond the horizon, or full. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(OffsetDateTime start, OffsetDateTime end, int counters, int remaining, boolean bookable) {

        public boolean isFull() {
            return remaining == 0;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reservation(String reservationNumber, String status, String contractId, Shop shop,
                              OffsetDateTime start, OffsetDateTime end, String purpose, Fee fee,
                              List<String> documentsToBring, String lockAdvice) {

        public boolean isBooked() {
            return "BOOKED".equals(status);
        }

        public boolean isCheckedIn() {
            return "CHECKED_IN".equals(status);
        }

        /** A checked-in visit for a PIN reset or change: the customer types the new PIN. */
        public boolean awaitsNewPin() {
            return isCheckedIn() && !"OTHER".equals(purpose);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fee(int amountJpy, String reason) {

        /** 3,300 */
        public String amount() {
            return java.text.NumberFormat.getIntegerInstance(java.util.Locale.JAPAN).format(amountJpy);
        }
    }
}
