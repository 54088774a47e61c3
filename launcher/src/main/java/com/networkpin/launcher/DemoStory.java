package com.networkpin.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The seed's story against a running system, each step a real REST call: a PIN locks after three
 * wrong entries and lifts at midnight in Japan; a forgotten PIN is confirmed by the manned chat;
 * a shop visit with an identity check resets it. {@code ./stack demo} prints it; the end-to-end
 * tests run it silently and check what it recorded.
 */
public final class DemoStory {

    public static final String FIRST_PIN = "2580";
    public static final String WRONG_PIN = "1357";
    public static final String NEW_PIN = "7391";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private final DemoPrinter printer;
    private final Http http = new Http();
    private final String pin = StackService.PIN_SERVICE.url();
    private final String scheduler = StackService.LOCK_SCHEDULER.url();
    private final String reservations = StackService.RESERVATION_SERVICE.url();

    /** What the story saw, by step name, for the end-to-end tests. */
    public record Outcome(String contractId, String reservationNumber, Map<String, Http.Reply> replies) {
    }

    public DemoStory(DemoPrinter printer) {
        this.printer = printer;
    }

    public Outcome run() {
        String contract = "DEMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Http.Reply> replies = new LinkedHashMap<>();
        lockAndMidnight(contract, replies);
        forgottenPin(contract, replies);
        String reservation = shopReset(contract, replies);
        printer.chapter("The end");
        printer.note("Both paths ended with a verified PIN for contract " + contract + ".");
        return new Outcome(contract, reservation, replies);
    }

    private void lockAndMidnight(String contract, Map<String, Http.Reply> replies) {
        printer.chapter("A PIN locks after three wrong entries and lifts at midnight in Japan");
        printer.step("The contract holder sets a PIN at contract time.");
        replies.put("set", expect(http.put(pin + "/contracts/" + contract + "/pin", Map.of("pin", FIRST_PIN)), 201));

        for (int attempt = 1; attempt <= 3; attempt++) {
            printer.step("Wrong PIN, attempt " + attempt + " (My docomo).");
            Http.Reply reply = expect(verify(contract, WRONG_PIN), 200);
            replies.put("wrong-" + attempt, reply);
            expectField(reply, "outcome", attempt < 3 ? "MISMATCH" : "LOCKED");
        }
        printer.note("Locked until " + inJapan(replies.get("wrong-3").text("unlocksAt")) + ", the next midnight in Japan.");

        printer.step("Even the right PIN is refused while locked.");
        expectField(keep(replies, "right-while-locked", expect(verify(contract, FIRST_PIN), 200)),
                "outcome", "LOCKED");

        printer.step("The chatbot (any hour) tells the state, the unlock time and the manned chat's hours.");
        replies.put("status-locked", expect(http.get(pin + "/contracts/" + contract + "/pin"), 200));

        printer.step("The lock scheduler has seen the Locked event on Kafka: the lock is pending.");
        replies.put("pending-lock", await("the scheduler to show the lock",
                () -> http.get(scheduler + "/locks/" + contract), r -> r.status() == 200));

        printer.step("Operator: move the scheduler's clock just past the next midnight (demo only).");
        replies.put("clock", expect(http.post(scheduler + "/admin/clock/next-midnight", null), 200));

        printer.step("The scheduler published one MidnightUnlock; the pin-service lifts the lock.");
        replies.put("midnights", expect(http.get(scheduler + "/midnights"), 200));
        replies.put("status-unlocked", await("the PIN is unlocked",
                () -> http.get(pin + "/contracts/" + contract + "/pin"),
                r -> r.status() == 200 && "ACTIVE".equals(r.text("status"))));

        printer.step("The right PIN is verified again, the count back at zero.");
        expectField(keep(replies, "verified-after-midnight", expect(verify(contract, FIRST_PIN), 200)),
                "outcome", "VERIFIED");
    }

    private void forgottenPin(String contract, Map<String, Http.Reply> replies) {
        printer.chapter("A forgotten PIN: the manned chat (有人チャット, 09:00–20:00 JST)");
        printer.step("A support agent, after checking the holder's identity, asks to see the PIN.");
        Http.Reply disclosure = http.post(pin + "/contracts/" + contract + "/pin/disclosures",
                Map.of("agentId", "agent-7", "identityCheckRef", "IDC-" + contract));
        printer.exchange(disclosure);
        replies.put("disclosure", disclosure);
        if (disclosure.status() == 200) {
            printer.note("Inside manned hours: the PIN is shown once, never cached, and the disclosure is recorded.");
        } else {
            printer.note("Outside manned hours it is refused, naming the next opening.");
        }
    }

    private String shopReset(String contract, Map<String, Http.Reply> replies) {
        printer.chapter("A new PIN at a shop, after an identity check");
        printer.step("Find a shop.");
        Http.Reply shops = expect(http.get(reservations + "/shops?prefecture=Tokyo"), 200);
        String shopId = first(shops).path("id").asText();

        printer.step("Pick the first free 15-minute slot in the coming days.");
        String start = firstFreeSlot(shopId);
        printer.note("Slot: " + start);

        printer.step("Book the visit for a PIN reset (no fee for PIN change or reset).");
        Http.Reply booked = expect(http.post(reservations + "/reservations",
                Map.of("contractId", contract, "shopId", shopId, "start", start, "purpose", "PIN_RESET"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
        replies.put("booked", booked);
        String number = booked.text("reservationNumber");

        printer.step("At the shop, staff check an original driving licence.");
        replies.put("check-in", expect(http.post(reservations + "/reservations/" + number + "/check-in",
                Map.of("idDocument", "DRIVING_LICENCE", "original", true, "staffId", "staff-1")), 200));

        printer.step("The customer types a new PIN on the shop terminal (the reset grant arrives from Kafka).");
        replies.put("reset", await("the reset is accepted",
                () -> http.post(pin + "/contracts/" + contract + "/pin/reset",
                        Map.of("reservationNumber", number, "newPin", NEW_PIN)),
                r -> r.status() == 200 || r.status() / 100 == 4 && !isRetryable(r)));
        if (replies.get("reset").status() != 200) {
            throw new StackException("the shop terminal's reset was refused: " + replies.get("reset").rawBody());
        }

        printer.step("The new PIN is verified.");
        expectField(keep(replies, "verified-after-reset", expect(verify(contract, NEW_PIN), 200)),
                "outcome", "VERIFIED");

        printer.step("The reservation shows the visit completed.");
        replies.put("visit", await("the visit is completed",
                () -> http.get(reservations + "/reservations/" + number),
                r -> r.status() == 200 && "COMPLETED".equals(r.text("status"))));
        return number;
    }

    private static Http.Reply keep(Map<String, Http.Reply> replies, String step, Http.Reply reply) {
        replies.put(step, reply);
        return reply;
    }

    /** An instant of an answer, as a person in Japan reads it. */
    private static String inJapan(String instant) {
        return java.time.Instant.parse(instant).atZone(JAPAN)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'"));
    }

    private Http.Reply verify(String contract, String candidate) {
        return http.post(pin + "/contracts/" + contract + "/pin/verifications",
                Map.of("pin", candidate, "channel", "MY_DOCOMO"));
    }

    private String firstFreeSlot(String shopId) {
        LocalDate today = LocalDate.now(JAPAN);
        for (int day = 1; day <= 14; day++) {
            Http.Reply slots = http.get(reservations + "/shops/" + shopId + "/slots?date=" + today.plusDays(day));
            for (JsonNode slot : slots.body().path("slots")) {
                if (slot.path("bookable").asBoolean()) {
                    return slot.path("start").asText();
                }
            }
        }
        throw new StackException("no free slot at " + shopId + " in the next two weeks");
    }

    private static boolean isRetryable(Http.Reply reply) {
        return reply.status() == 409 || reply.status() == 425 || reply.status() == 503;
    }

    private static JsonNode first(Http.Reply reply) {
        JsonNode list = reply.body().isArray() ? reply.body() : reply.body().path("shops");
        if (list.size() == 0) {
            throw new StackException("empty answer from " + reply.url());
        }
        return list.get(0);
    }

    private Http.Reply expect(Http.Reply reply, int status) {
        printer.exchange(reply);
        if (reply.status() != status) {
            throw new StackException("expected " + status + " from " + reply.method() + " " + reply.url()
                    + " but got " + reply.status() + ": " + reply.rawBody());
        }
        return reply;
    }

    private static void expectField(Http.Reply reply, String field, String value) {
        if (!value.equals(reply.text(field))) {
            throw new StackException("expected " + field + "=" + value + " from " + reply.url() + " but got "
                    + reply.rawBody());
        }
    }

    private Http.Reply await(String what, java.util.function.Supplier<Http.Reply> call, Predicate<Http.Reply> done) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        Http.Reply reply = call.get();
        while (!done.test(reply)) {
            if (System.nanoTime() > deadline) {
                printer.exchange(reply);
                throw new StackException("waited " + PROPAGATION.toSeconds() + " s for " + what);
            }
            ServiceProcess.sleep(Duration.ofMillis(200));
            reply = call.get();
        }
        printer.exchange(reply);
        return reply;
    }
}
