package com.networkpin.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.events.JapanTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The seed's story against a running system, each step a real REST call made by a real principal
 * with a token of the stack's Keycloak: a PIN locks after three wrong entries and lifts at midnight
 * in Japan; a forgotten PIN is confirmed by the manned chat; a shop visit with an identity check
 * resets it; then an impostor's take-over attempt is refused at every step. {@code ./stack demo}
 * prints it; the end-to-end tests run it silently and check what it recorded. One file past 300 lines:
 * the story reads top to bottom as the README tells it, and its chapters share the moved clocks' offset.
 */
public final class DemoStory {

    public static final String FIRST_PIN = "2580";
    public static final String WRONG_PIN = "1357";
    public static final String NEW_PIN = "7391";
    /** A shop the operator opens round the clock, so that a visit can happen whenever the demo runs. */
    public static final String DEMO_SHOP = "tokyo-demo-round-the-clock";
    private static final ZoneId JAPAN = JapanTime.DEFAULT_ZONE;
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private final DemoPrinter printer;
    private final Actors actors;
    private final Http http = new Http();
    private final String pin = StackService.PIN_SERVICE.url();
    private final String scheduler = StackService.LOCK_SCHEDULER.url();
    private final String reservations = StackService.RESERVATION_SERVICE.url();
    /** How far the services' clocks are ahead of real time once the demo moved them past midnight. */
    private Duration systemAhead = Duration.ZERO;

    /** What the story saw, by step name, for the end-to-end tests. */
    public record Outcome(String contractId, String reservationNumber, Map<String, Http.Reply> replies) {
    }

    public DemoStory(DemoPrinter printer, Actors actors) {
        this.printer = printer;
        this.actors = actors;
    }

    public Outcome run() {
        String contract = "DEMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Http.Reply> replies = new LinkedHashMap<>();
        lock(contract, replies);
        // Before the clocks move to just past midnight: on the real clock the manned chat may be open.
        forgottenPin(contract, replies);
        midnight(contract, replies);
        String reservation = shopReset(contract, replies);
        takeOverAttempt(contract, replies);
        printer.chapter("The end");
        printer.note("Both paths ended with a verified PIN for contract " + contract
                + "; nobody without the right role and claim got anything.");
        return new Outcome(contract, reservation, replies);
    }

    private void lock(String contract, Map<String, Http.Reply> replies) {
        printer.chapter("A PIN locks after three wrong entries");
        printer.step("The contracting system sets the PIN the holder chose at contract time.");
        replies.put("set", expect(http.as(actors.contracting()).put(pin + "/contracts/" + contract + "/pin",
                Map.of("pin", FIRST_PIN), newKey()), 201));

        for (int attempt = 1; attempt <= 3; attempt++) {
            printer.step("Wrong PIN, attempt " + attempt + " (My docomo, through the channel gateway).");
            Map<String, String> key = newKey();
            Http.Reply reply = expect(verify(contract, WRONG_PIN, key), 200);
            replies.put("wrong-" + attempt, reply);
            expectField(reply, "outcome", attempt < 3 ? "MISMATCH" : "LOCKED");
            if (attempt == 1) {
                printer.step("The gateway timed out waiting and sends attempt 1 again with the same Idempotency-Key:"
                        + " the first answer comes back (Idempotency-Replayed: true) and no second failure counts.");
                Http.Reply retry = expect(verify(contract, WRONG_PIN, key), 200);
                replies.put("wrong-1-retried", retry);
                expectField(retry, "remainingAttempts", reply.text("remainingAttempts"));
                if (!"true".equals(retry.header("Idempotency-Replayed"))) {
                    throw new StackException("the retry with the same Idempotency-Key was not replayed: " + retry.rawBody());
                }
            }
        }
        printer.note("Locked until " + inJapan(replies.get("wrong-3").text("unlocksAt")) + ", the next midnight in Japan.");

        printer.step("Even the right PIN is refused while locked.");
        expectField(keep(replies, "right-while-locked", expect(verify(contract, FIRST_PIN), 200)),
                "outcome", "LOCKED");

        printer.step("The chatbot (any hour) tells the state, the unlock time and the manned chat's hours.");
        replies.put("status-locked", expect(http.as(actors.chatbot()).get(pin + "/contracts/" + contract + "/pin"), 200));
    }

    private void midnight(String contract, Map<String, Http.Reply> replies) {
        printer.chapter("The lock lifts at midnight in Japan");
        Http operator = http.as(actors.operator());
        printer.step("The lock scheduler has seen the Locked event on Kafka: the lock is pending (operator's view).");
        replies.put("pending-lock", await("the scheduler to show the lock",
                () -> operator.get(scheduler + "/locks/" + contract), r -> r.status() == 200));

        printer.step("Operator: move the scheduler's clock just past the next midnight (demo only).");
        DemoClocks.Moved moved = new DemoClocks(operator).nextMidnight();
        replies.put("clock", expect(moved.scheduler(), 200));
        printer.step("Operator: move the pin-service's and the reservation-service's clocks to the same instant"
                + " (a midnight ahead of the pin-service's own clock would be held until it is due).");
        replies.put("pin-clock", expect(moved.pinService(), 200));
        replies.put("reservation-clock", expect(moved.reservationService(), 200));
        systemAhead = moved.ahead();

        printer.step("The scheduler published one MidnightUnlock; the pin-service lifts the lock.");
        replies.put("midnights", expect(operator.get(scheduler + "/midnights"), 200));
        Http chatbot = http.as(actors.chatbot());
        replies.put("status-unlocked", await("the PIN is unlocked",
                () -> chatbot.get(pin + "/contracts/" + contract + "/pin"),
                r -> r.status() == 200 && "ACTIVE".equals(r.text("status"))));

        printer.step("The right PIN is verified again, the count back at zero.");
        expectField(keep(replies, "verified-after-midnight", expect(verify(contract, FIRST_PIN), 200)),
                "outcome", "VERIFIED");
    }

    private void forgottenPin(String contract, Map<String, Http.Reply> replies) {
        printer.chapter("A forgotten PIN, while locked: the manned chat (有人チャット, 09:00–20:00 JST)");
        printer.step("A support agent, after checking the holder's identity by calling the contract's line back, asks"
                + " to see the PIN (the disclosing agent and their sign-in session are the token's subject and sid).");
        Http.Reply disclosure = http.as(actors.supportAgent()).post(pin + "/contracts/" + contract + "/pin/disclosures",
                Map.of("identityCheck", "CALLBACK_TO_CONTRACT_LINE", "identityCheckRef", "IDC-" + contract), newKey());
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
        printer.step("Operator: open a round-the-clock demo shop, so that the visit can happen now.");
        expectOneOf(http.as(actors.operator()).put(reservations + "/shops/" + DEMO_SHOP, demoShop()), 200, 201);

        Actor customer = actors.customer(contract);
        Actor staff = actors.shopStaff(DEMO_SHOP);
        printer.step("The customer looks at today's slots of the shop (public, no token).");
        String today = today().toString();
        Http.Reply slots = expect(http.get(reservations + "/shops/" + DEMO_SHOP + "/slots?date=" + today), 200);
        String start = firstBookable(slots);
        Http.Reply booked;
        if (start != null) {
            printer.step("The customer books the next slot today for a PIN reset (no fee for PIN change or reset).");
            booked = expect(http.as(customer).post(reservations + "/reservations", booking(contract, start),
                    newKey()), 201);
        } else {
            printer.step("No slot left today: the customer walks in and staff book the slot in progress.");
            booked = expect(http.as(staff).post(reservations + "/reservations", booking(contract, slotInProgress()),
                    newKey()), 201);
        }
        replies.put("booked", booked);
        String number = booked.text("reservationNumber");

        printer.step("At the shop, staff check an original driving licence (the staff member is the token's subject).");
        replies.put("check-in", expect(http.as(staff).post(reservations + "/reservations/" + number + "/check-in",
                Map.of("idDocument", "DRIVING_LICENCE", "original", true), newKey()), 200));

        printer.step("The customer types a new PIN on the shop's terminal (the reset grant arrives from Kafka).");
        Http terminal = http.as(staff);
        Map<String, String> resetKey = newKey(); // "grant not received yet" is no final answer: retried with it
        replies.put("reset", await("the reset is accepted",
                () -> terminal.post(pin + "/contracts/" + contract + "/pin/reset",
                        Map.of("reservationNumber", number, "newPin", NEW_PIN), resetKey),
                r -> r.status() == 200 || r.status() / 100 == 4 && !isRetryable(r)));
        if (replies.get("reset").status() != 200) {
            throw new StackException("the shop terminal's reset was refused: " + replies.get("reset").rawBody());
        }

        printer.step("The new PIN is verified.");
        expectField(keep(replies, "verified-after-reset", expect(verify(contract, NEW_PIN), 200)),
                "outcome", "VERIFIED");

        printer.step("The customer sees the visit completed.");
        Http holder = http.as(customer);
        replies.put("visit", await("the visit is completed",
                () -> holder.get(reservations + "/reservations/" + number),
                r -> r.status() == 200 && "COMPLETED".equals(r.text("status"))));
        return number;
    }

    /** The take-over that once worked anonymously: every step is now refused, and writes nothing. */
    private void takeOverAttempt(String victim, Map<String, Http.Reply> replies) {
        printer.chapter("An impostor tries to take the PIN over");
        String impostorContract = "DEMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Actor impostor = actors.customer(impostorContract);
        Http anonymous = http;

        printer.step("Without a token, ask the PIN of the victim's contract.");
        replies.put("takeover-disclose-anonymous", expect(anonymous.post(pin + "/contracts/" + victim + "/pin/disclosures",
                Map.of("agentId", "nobody", "identityCheck", "KNOWLEDGE_QUESTIONS", "identityCheckRef", "none")), 401));

        printer.step("As a customer of another contract, read the victim's PIN status.");
        replies.put("takeover-status", expect(http.as(impostor).get(pin + "/contracts/" + victim + "/pin"), 403));

        printer.step("As a customer of another contract, book a PIN reset visit for the victim's contract.");
        String start = today().plusDays(2).atTime(12, 0).atZone(JAPAN).toOffsetDateTime().toString();
        replies.put("takeover-book", expect(http.as(impostor).post(reservations + "/reservations",
                Map.of("contractId", victim, "shopId", DEMO_SHOP, "start", start, "purpose", "PIN_RESET"),
                newKey()), 403));

        printer.step("Without a token, check a visit in as if shop staff.");
        replies.put("takeover-check-in", expect(anonymous.post(reservations + "/reservations/"
                        + replies.get("booked").text("reservationNumber") + "/check-in",
                Map.of("idDocument", "MY_NUMBER_CARD", "original", true, "staffId", "x")), 401));

        printer.step("As a customer, set a new PIN as if at a shop terminal.");
        replies.put("takeover-reset", expect(http.as(impostor).post(pin + "/contracts/" + victim + "/pin/reset",
                Map.of("reservationNumber", replies.get("booked").text("reservationNumber"), "newPin", "9062")), 403));

        printer.step("As a channel gateway, move the scheduler's clock to lift every lock.");
        replies.put("takeover-clock", expectOneOf(http.as(actors.channel()).post(scheduler + "/admin/clock/next-midnight",
                null), 401, 403));

        printer.step("The victim's PIN is unchanged: the PIN set at the shop still verifies.");
        expectField(keep(replies, "victim-still-verifies", expect(verify(victim, NEW_PIN), 200)), "outcome", "VERIFIED");
    }

    private static Map<String, Object> booking(String contract, String start) {
        return Map.of("contractId", contract, "shopId", DEMO_SHOP, "start", start, "purpose", "PIN_RESET");
    }

    /**
     * Open 00:00–23:45 every day: the last quarter hour of the day is the only time no visit can start.
     * Public for the end-to-end test that tells the story through the generated clients.
     */
    public static Map<String, Object> demoShop() {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.put(day.name(), Map.of("opens", "00:00", "closes", "23:45"));
        }
        return Map.of("name", "Demo Shop (round the clock)", "prefecture", "Tokyo",
                "address", "1-1-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023", "openingHours", hours,
                "closedDates", java.util.List.of(), "counters", 4);
    }

    private static String firstBookable(Http.Reply slots) {
        for (JsonNode slot : slots.body().path("slots")) {
            if (slot.path("bookable").asBoolean()) {
                return slot.path("start").asText();
            }
        }
        return null;
    }

    /** The system's time: real time, or where the demo moved the services' clocks. */
    private java.time.ZonedDateTime now() {
        return java.time.Instant.now().plus(systemAhead).atZone(JAPAN);
    }

    private LocalDate today() {
        return now().toLocalDate();
    }

    /** The 15-minute slot the Japanese clock (as moved) is in now. */
    private String slotInProgress() {
        java.time.ZonedDateTime now = now().withSecond(0).withNano(0);
        if (!now.toLocalTime().isBefore(java.time.LocalTime.of(23, 45))) {
            throw new StackException("the demo shop closes at 23:45 JST; run the demo again after midnight JST");
        }
        return now.withMinute(now.getMinute() / 15 * 15).toOffsetDateTime().toString();
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
        return verify(contract, candidate, newKey());
    }

    /** As a gateway sends it: with an Idempotency-Key, the same on each retry of one entry. */
    private Http.Reply verify(String contract, String candidate, Map<String, String> key) {
        return http.as(actors.channel()).post(pin + "/contracts/" + contract + "/pin/verifications",
                Map.of("pin", candidate, "channel", "MY_DOCOMO"), key);
    }

    /** A fresh Idempotency-Key header, one per request (its retries send the same). */
    private static Map<String, String> newKey() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static boolean isRetryable(Http.Reply reply) {
        return reply.status() == 409 || reply.status() == 425 || reply.status() == 503;
    }

    private Http.Reply expectOneOf(Http.Reply reply, int status, int orStatus) {
        return expect(reply, reply.status() == orStatus ? orStatus : status);
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
