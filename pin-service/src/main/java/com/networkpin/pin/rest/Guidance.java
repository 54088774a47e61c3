package com.networkpin.pin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networkpin.events.JapanTime;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What support can do for the customer now: English sentences for machine clients ({@code chatbot},
 * {@code shopReset}, {@code mannedChat}) and the same as {@code notes}, codes with parameters that a
 * page words in its own language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Guidance(String chatbot, MannedChat mannedChat, String shopReset,
                @Schema(description = "The guidance as codes with parameters, in the order to show them")
                List<Note> notes) {

    private static final String DOCUMENTS = "an original identity document: driving licence, My Number card or"
            + " disability certificate";

    static Guidance of(Pin pin, PinPolicy policy, Instant now) {
        List<Note> notes = new ArrayList<>();
        String shop;
        if (pin.status() == PinStatus.LOCKED) {
            String unlocksAt = JapanTime.format(pin.unlocksAt(), policy.zone());
            String lifts = "The lock lifts by itself at " + unlocksAt + " (00:00 " + policy.zone() + ").";
            String sooner = "To reset the PIN sooner, book a shop visit for a PIN reset (no fee)";
            notes.add(new Note("lock-lifts-at-midnight", Map.of("unlocksAt", unlocksAt, "zone", policy.zone().getId()),
                    lifts));
            notes.add(new Note("shop-reset-sooner", Map.of(), sooner + "."));
            shop = lifts + " " + sooner + " and bring " + DOCUMENTS + ".";
        } else {
            String atShop = "A PIN change or reset is done at a shop: book a visit (no fee for PIN reset or change)";
            notes.add(new Note("shop-change-or-reset", Map.of(), atShop + "."));
            shop = atShop + " and bring " + DOCUMENTS + ".";
        }
        notes.add(new Note("bring-identity-document", Map.of(), "Bring " + DOCUMENTS + "."));
        String chatbot = "The support chatbot answers 24 hours a day about the PIN's state.";
        notes.add(new Note("chatbot-round-the-clock", Map.of(), chatbot));
        MannedChat chat = MannedChat.of(policy, now);
        notes.add(new Note("manned-chat-forgotten-pin", Map.of(), chat.forgottenPin()));
        notes.add(chat.hoursNote(policy));
        return new Guidance(chatbot, chat, shop, List.copyOf(notes));
    }

    /** One piece of guidance: a stable code, its parameters (times ISO-8601 with offset) and the English text. */
    @Schema(name = "GuidanceNote")
    record Note(
            @Schema(description = "lock-lifts-at-midnight, shop-reset-sooner, shop-change-or-reset,"
                    + " bring-identity-document, chatbot-round-the-clock, manned-chat-forgotten-pin,"
                    + " manned-chat-open-now, manned-chat-opens-at; a client words a code it knows and shows"
                    + " the text of one it does not", examples = "lock-lifts-at-midnight")
            String code,
            @Schema(description = "unlocksAt, zone (lock-lifts-at-midnight); opens, closes, zone and, while"
                    + " closed, nextOpening (manned-chat-*)")
            Map<String, String> params,
            @Schema(description = "The note in English")
            String text) {
    }

    record MannedChat(boolean openNow, String hours, Instant nextOpening, String forgottenPin) {

        static MannedChat of(PinPolicy policy, Instant now) {
            return new MannedChat(policy.isMannedChatOpen(now),
                    policy.mannedChatOpens() + "-" + policy.mannedChatCloses() + " " + policy.zone(),
                    policy.nextMannedChatOpening(now),
                    "Only the manned chat confirms a forgotten PIN, after checking identity; ask it before the PIN locks.");
        }

        Note hoursNote(PinPolicy policy) {
            String opens = policy.mannedChatOpens().toString();
            String closes = policy.mannedChatCloses().toString();
            String zone = policy.zone().getId();
            if (openNow) {
                return new Note("manned-chat-open-now", Map.of("opens", opens, "closes", closes, "zone", zone),
                        "The manned chat is open now (" + hours + ").");
            }
            String next = JapanTime.format(nextOpening, policy.zone());
            return new Note("manned-chat-opens-at",
                    Map.of("opens", opens, "closes", closes, "zone", zone, "nextOpening", next),
                    "The manned chat is open " + hours + "; it opens next at " + next + ".");
        }
    }
}
