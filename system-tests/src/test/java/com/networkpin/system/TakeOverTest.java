package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.Actors;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The take-over that once worked with no credentials (book a reset visit for someone else's
 * contract, check it in, set a new PIN) tried by every principal that is not entitled to a step,
 * with real tokens of the real Keycloak against the packaged services: every step is refused with
 * a problem, nothing is written, and the victim's PIN still verifies.
 */
@ExtendWith(RunningSystem.class)
class TakeOverTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String PIN = StackService.PIN_SERVICE.url();
    private static final String RESERVATIONS = StackService.RESERVATION_SERVICE.url();
    private static final String OTHER_SHOP = "osaka-umeda";

    private final Actors actors = RunningSystem.actors();
    private final PinApi pins = new PinApi(PIN);

    @Test
    void noStepOfATakeOverSucceedsForAnyoneNotEntitledToIt() {
        String victim = newContract();
        PinApi.expect(pins.setPin(victim), 201);
        Actor impostor = actors.customer(newContract());
        Actor staffElsewhere = actors.shopStaff(OTHER_SHOP);
        int eventsBefore = pins.history(victim).size();

        refused(401, as(Actor.ANONYMOUS).post(PIN + "/contracts/" + victim + "/pin/disclosures",
                Map.of("agentId", "nobody", "identityCheck", "KNOWLEDGE_QUESTIONS", "identityCheckRef", "none")));
        refused(403, as(impostor).post(PIN + "/contracts/" + victim + "/pin/disclosures",
                Map.of("identityCheck", "KNOWLEDGE_QUESTIONS", "identityCheckRef", "none")));
        refused(403, as(actors.chatbot()).get(PIN + "/contracts/" + victim + "/pin/history"));
        refused(403, as(impostor).get(PIN + "/contracts/" + victim + "/pin"));
        refused(403, as(actors.chatbot()).put(PIN + "/contracts/" + victim + "/pin", Map.of("pin", "9062")));
        refused(403, as(actors.supportAgent()).put(PIN + "/contracts/" + victim + "/pin", Map.of("pin", "9062")));

        String visit = inTwoDaysAtNoon();
        refused(401, as(Actor.ANONYMOUS).post(RESERVATIONS + "/reservations", booking(victim, visit), idempotencyKey()));
        refused(403, as(impostor).post(RESERVATIONS + "/reservations", booking(victim, visit), idempotencyKey()));
        refused(403, as(staffElsewhere).post(RESERVATIONS + "/reservations", booking(victim, visit), idempotencyKey()));

        // The victim books a real visit; then others try to use it.
        Http holder = as(actors.customer(victim));
        String number = PinApi.expect(holder.post(RESERVATIONS + "/reservations", booking(victim, visit),
                idempotencyKey()), 201).text("reservationNumber");
        Map<String, Object> checkIn = Map.of("idDocument", "MY_NUMBER_CARD", "original", true, "staffId", "x");
        refused(401, as(Actor.ANONYMOUS).post(RESERVATIONS + "/reservations/" + number + "/check-in", checkIn));
        refused(403, as(impostor).post(RESERVATIONS + "/reservations/" + number + "/check-in", checkIn));
        refused(403, as(staffElsewhere).post(RESERVATIONS + "/reservations/" + number + "/check-in", checkIn));
        refused(403, as(impostor).get(RESERVATIONS + "/reservations/" + number));
        refused(403, as(impostor).post(RESERVATIONS + "/reservations/" + number + "/cancel", null));
        refused(403, as(impostor).get(RESERVATIONS + "/contracts/" + victim + "/reservations"));

        Map<String, Object> reset = Map.of("reservationNumber", number, "newPin", "9062");
        refused(401, as(Actor.ANONYMOUS).post(PIN + "/contracts/" + victim + "/pin/reset", reset));
        refused(403, as(impostor).post(PIN + "/contracts/" + victim + "/pin/reset", reset));
        refused(403, as(actors.channel()).post(PIN + "/contracts/" + victim + "/pin/reset", reset));

        assertEquals("BOOKED", holder.get(RESERVATIONS + "/reservations/" + number).text("status"),
                "the victim's visit is untouched");
        assertEquals(eventsBefore, pins.history(victim).size(), "no refused step wrote an event");
        assertEquals("VERIFIED", PinApi.expect(pins.verify(victim, PinApi.RIGHT_PIN), 200).text("outcome"));
    }

    private static void refused(int status, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.caller() + " " + reply.method() + " " + reply.url() + ": "
                + reply.rawBody());
        assertEquals(status, reply.body().path("status").asInt(), "a problem+json answer: " + reply.rawBody());
        assertTrue(reply.body().path("type").asText().startsWith("/problems/"), reply.rawBody());
    }

    private static Http as(Actor actor) {
        return RunningSystem.as(actor);
    }

    private static Map<String, Object> booking(String contract, String start) {
        return Map.of("contractId", contract, "shopId", "tokyo-shinjuku-west", "start", start, "purpose", "PIN_RESET");
    }

    private static Map<String, String> idempotencyKey() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    /**
     * Noon two or more days ahead of the reservation-service's clock (other tests move it past midnights),
     * not on the Shinjuku shop's New Year closing days.
     */
    private static String inTwoDaysAtNoon() {
        LocalDate date = ConsoleShops.now(StackService.RESERVATION_SERVICE).atZone(JAPAN).toLocalDate().plusDays(2);
        while (date.getMonthValue() == 1 && date.getDayOfMonth() <= 2) {
            date = date.plusDays(1);
        }
        return ZonedDateTime.of(date, java.time.LocalTime.NOON, JAPAN).toOffsetDateTime().toString();
    }

    private static String newContract() {
        return "TO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
