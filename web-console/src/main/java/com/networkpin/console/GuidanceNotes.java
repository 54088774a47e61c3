package com.networkpin.console;

import com.networkpin.console.Views.Guidance;
import com.networkpin.console.Views.Note;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pin-service's guidance in the page's language: each note's code worded from {@link Msg}, its times
 * shown in Japan time. A note the console cannot word (a code it does not know yet, a time it cannot read)
 * keeps the service's English text, marked {@code lang="en"} on a Japanese page.
 */
public final class GuidanceNotes {

    /** The note that says when the lock lifts; the customer's page says it beside the PIN's state. */
    static final String LOCK_LIFTS = "lock-lifts-at-midnight";

    /** One sentence to show; {@code lang} is set when it is not in the page's language. */
    public record Sentence(String code, String text, String lang) {
    }

    private GuidanceNotes() {
    }

    static List<Sentence> of(Guidance guidance, Msg msg, String pageLang) {
        List<Sentence> sentences = new ArrayList<>();
        if (guidance == null) {
            return sentences;
        }
        String foreign = Page.ENGLISH.equals(pageLang) ? null : Page.ENGLISH;
        if (guidance.notes() == null || guidance.notes().isEmpty()) {
            for (String text : new String[] {guidance.shopReset(), guidance.chatbot(),
                    guidance.mannedChat() == null ? null : guidance.mannedChat().forgottenPin()}) {
                if (text != null) {
                    sentences.add(new Sentence("", text, foreign));
                }
            }
            return sentences;
        }
        for (Note note : guidance.notes()) {
            String worded = word(note, msg, pageLang);
            sentences.add(worded != null ? new Sentence(note.code(), worded, null)
                    : new Sentence(note.code(), note.text() == null ? "" : note.text(), foreign));
        }
        return sentences;
    }

    /** The note in the page's language, or null when it cannot be worded. */
    private static String word(Note note, Msg msg, String pageLang) {
        Map<String, String> params = note.params() == null ? Map.of() : note.params();
        try {
            return switch (note.code() == null ? "" : note.code()) {
                case LOCK_LIFTS -> msg.lockedUntil(time(params.get("unlocksAt"), pageLang));
                case "shop-reset-sooner" -> msg.guidanceShopResetSooner();
                case "shop-change-or-reset" -> msg.guidanceShopChangeOrReset();
                case "bring-identity-document" -> msg.guidanceBringDocument();
                case "chatbot-round-the-clock" -> msg.guidanceChatbot();
                case "manned-chat-forgotten-pin" -> msg.guidanceForgottenPin();
                case "manned-chat-open-now" -> msg.guidanceChatOpenNow(required(params, "opens"),
                        required(params, "closes"));
                case "manned-chat-opens-at" -> msg.guidanceChatOpensAt(required(params, "opens"),
                        required(params, "closes"), time(params.get("nextOpening"), pageLang));
                default -> null;
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String time(String isoOffset, String pageLang) {
        return Jst.forPage(OffsetDateTime.parse(required(isoOffset)).toInstant(), pageLang);
    }

    private static String required(Map<String, String> params, String name) {
        return required(params.get(name));
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter");
        }
        return value;
    }
}
