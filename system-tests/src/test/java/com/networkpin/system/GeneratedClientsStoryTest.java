package com.networkpin.system;

import static com.networkpin.system.GeneratedClients.await;
import static com.networkpin.system.GeneratedClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.client.pin.api.PinApi;
import com.networkpin.client.pin.model.Channel;
import com.networkpin.client.pin.model.Disclose;
import com.networkpin.client.pin.model.Disclosed;
import com.networkpin.client.pin.model.HistoryEntry;
import com.networkpin.client.pin.model.IdentityCheck;
import com.networkpin.client.pin.model.Outcome;
import com.networkpin.client.pin.model.PinStatus;
import com.networkpin.client.pin.model.Reset;
import com.networkpin.client.pin.model.SetPin;
import com.networkpin.client.pin.model.Verification;
import com.networkpin.client.pin.model.Verify;
import com.networkpin.client.reservation.api.OperatorApi;
import com.networkpin.client.reservation.api.ReservationsApi;
import com.networkpin.client.reservation.api.ShopsApi;
import com.networkpin.client.reservation.model.BookingRequest;
import com.networkpin.client.reservation.model.CheckInRequest;
import com.networkpin.client.reservation.model.ReservationStatus;
import com.networkpin.client.reservation.model.ReservationView;
import com.networkpin.client.reservation.model.ShopRequest;
import com.networkpin.client.reservation.model.Slot;
import com.networkpin.client.reservation.model.VisitPurpose;
import com.networkpin.client.scheduler.api.PendingLocksApi;
import com.networkpin.client.scheduler.model.ClockMoved;
import com.networkpin.client.scheduler.model.PendingLock;
import com.networkpin.events.JapanTime;
import com.networkpin.launcher.Actor;
import com.networkpin.launcher.Actors;
import com.networkpin.launcher.DemoStory;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's story ({@code ./stack demo}) told only through the Java clients generated from the
 * services' OpenAPI documents: their method names are the documents' operationIds, their models the
 * documents' schemas. If a document were wrong (no answer schema, a missing operationId), this test
 * would not compile or would read nothing.
 */
@ExtendWith(RunningSystem.class)
class GeneratedClientsStoryTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Actors actors = RunningSystem.actors();
    private final String contract = "GEN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final PinApi channel = new PinApi(GeneratedClients.pinService(actors.channel()));

    @Test
    void theDemoStoryThroughTheGeneratedClients() throws Exception {
        OffsetDateTime unlocksAt = lockAfterThreeWrongEntries();
        boolean disclosed = forgottenPinAtTheMannedChat();
        OffsetDateTime systemNow = midnightLiftsTheLock(unlocksAt);
        shopVisitResetsThePin(systemNow);

        List<String> expected = new ArrayList<>(List.of("PinSet", "AttemptFailed", "AttemptFailed", "AttemptFailed",
                "Locked", "AttemptRefused"));
        if (disclosed) {
            expected.add("PinDisclosed");
        }
        expected.addAll(List.of("Unlocked", "AttemptSucceeded", "ResetGranted", "PinReset", "AttemptSucceeded"));
        List<HistoryEntry> history = new PinApi(GeneratedClients.pinService(actors.supportAgent())).getPinHistory(contract);
        assertEquals(expected, history.stream().map(HistoryEntry::getType).toList(), "the support history");

        takeOverIsRefused();
    }

    private OffsetDateTime lockAfterThreeWrongEntries() throws Exception {
        PinApi contracting = new PinApi(GeneratedClients.pinService(actors.contracting()));
        assertEquals(PinStatus.ACTIVE, contracting.setPin(contract, new SetPin().pin(DemoStory.FIRST_PIN),
                newKey()).getStatus());
        assertEquals(Outcome.MISMATCH, wrongEntryRetried().getOutcome());
        assertEquals(List.of(Outcome.MISMATCH, Outcome.LOCKED), List.of(
                verify(DemoStory.WRONG_PIN).getOutcome(), verify(DemoStory.WRONG_PIN).getOutcome()));
        Verification whileLocked = verify(DemoStory.FIRST_PIN);
        assertEquals(Outcome.LOCKED, whileLocked.getOutcome(), "even the right PIN while locked");
        var status = new PinApi(GeneratedClients.pinService(actors.chatbot())).getPinStatus(contract);
        assertEquals(PinStatus.LOCKED, status.getStatus());
        assertEquals(whileLocked.getUnlocksAt().toInstant(), status.getUnlocksAt().toInstant());

        PendingLocksApi scheduler = new PendingLocksApi(GeneratedClients.lockScheduler(actors.operator()));
        PendingLock pending = await("the scheduler holds the lock", () -> scheduler.getPendingLock(contract),
                lock -> true);
        assertEquals(status.getUnlocksAt().toInstant(), pending.getUnlocksAt().toInstant());
        return pending.getUnlocksAt();
    }

    /** Inside the manned chat's hours the PIN is shown once; outside them a 409 problem names the next opening. */
    private boolean forgottenPinAtTheMannedChat() {
        PinApi agent = new PinApi(GeneratedClients.pinService(actors.supportAgent()));
        Disclose request = new Disclose().identityCheck(IdentityCheck.KNOWLEDGE_QUESTIONS)
                .identityCheckRef("IDC-" + contract);
        try {
            Disclosed disclosed = agent.disclosePin(contract, request, newKey());
            assertEquals(DemoStory.FIRST_PIN, disclosed.getPin());
            return true;
        } catch (com.networkpin.client.pin.ApiException closed) {
            assertEquals(409, closed.getCode(), closed.getResponseBody());
            return false;
        }
    }

    private OffsetDateTime midnightLiftsTheLock(OffsetDateTime unlocksAt) throws Exception {
        Actor operator = actors.operator();
        ClockMoved moved = new com.networkpin.client.scheduler.api.DemoClockApi(GeneratedClients.lockScheduler(operator))
                .moveClockToNextMidnight();
        assertTrue(!moved.getNow().isBefore(unlocksAt), "the scheduler is past the lock's midnight: " + moved.getNow());
        new com.networkpin.client.pin.api.DemoClockApi(GeneratedClients.pinService(operator))
                .moveClock(new com.networkpin.client.pin.model.Move().now(moved.getNow()));
        OffsetDateTime now = new com.networkpin.client.reservation.api.DemoClockApi(
                GeneratedClients.reservationService(operator))
                .moveClock(new com.networkpin.client.reservation.model.Move().now(moved.getNow())).getNow();

        PinApi chatbot = new PinApi(GeneratedClients.pinService(actors.chatbot()));
        await("the PIN is unlocked", () -> chatbot.getPinStatus(contract), s -> s.getStatus() == PinStatus.ACTIVE);
        assertEquals(Outcome.VERIFIED, verify(DemoStory.FIRST_PIN).getOutcome());
        PendingLocksApi scheduler = new PendingLocksApi(GeneratedClients.lockScheduler(operator));
        GeneratedClients.Refusal gone = await("the scheduler drops the lock",
                () -> GeneratedClients.refusalOf(() -> scheduler.getPendingLock(contract)),
                r -> r.isPresent() && r.get().status() == 404).get();
        assertTrue(gone.contentType().startsWith(PROBLEM_JSON), gone.contentType());
        return now;
    }

    private void shopVisitResetsThePin(OffsetDateTime systemNow) throws Exception {
        ShopRequest shop = GeneratedClients.reservationService(actors.operator()).getObjectMapper()
                .convertValue(DemoStory.demoShop(), ShopRequest.class);
        assertEquals(DemoStory.DEMO_SHOP, new OperatorApi(GeneratedClients.reservationService(actors.operator()))
                .putShop(DemoStory.DEMO_SHOP, shop).getId());

        String today = systemNow.atZoneSameInstant(JapanTime.DEFAULT_ZONE).toLocalDate().toString();
        Slot slot = new ShopsApi(GeneratedClients.reservationService(Actor.ANONYMOUS))
                .getShopSlots(DemoStory.DEMO_SHOP, today).getSlots().stream()
                .filter(Slot::getBookable).findFirst()
                .orElseThrow(() -> new AssertionError("no bookable slot at the demo shop on " + today));
        ReservationsApi customer = new ReservationsApi(GeneratedClients.reservationService(actors.customer(contract)));
        ReservationView booked = customer.bookVisit(UUID.randomUUID().toString(), new BookingRequest()
                .contractId(contract).shopId(DemoStory.DEMO_SHOP).start(slot.getStart()).purpose(VisitPurpose.PIN_RESET));
        assertEquals(ReservationStatus.BOOKED, booked.getStatus());
        String number = booked.getReservationNumber();

        Actor staff = actors.shopStaff(DemoStory.DEMO_SHOP);
        ReservationView checkedIn = new ReservationsApi(GeneratedClients.reservationService(staff))
                .checkIn(number, new CheckInRequest().idDocument("DRIVING_LICENCE").original(true), newKey());
        assertEquals(ReservationStatus.CHECKED_IN, checkedIn.getStatus());

        // The reset grant arrives from Kafka: until then the terminal's reset is refused (and retried).
        PinApi terminal = new PinApi(GeneratedClients.pinService(staff));
        String resetKey = newKey(); // "grant not received yet" is no final answer: retried with the same key
        assertEquals(PinStatus.ACTIVE, await("the shop terminal's reset", () -> terminal.resetPin(contract,
                new Reset().reservationNumber(number).newPin(DemoStory.NEW_PIN), resetKey), s -> true).getStatus());
        assertEquals(Outcome.VERIFIED, verify(DemoStory.NEW_PIN).getOutcome());
        assertEquals(ReservationStatus.COMPLETED, await("the visit is completed", () -> customer.getReservation(number),
                r -> r.getStatus() == ReservationStatus.COMPLETED).getStatus());
    }

    /** Refusals reach a generated client as ApiExceptions carrying the problem (RFC 9457). */
    private void takeOverIsRefused() throws Exception {
        PinApi impostor = new PinApi(GeneratedClients.pinService(actors.customer("GEN-IMPOSTOR-" + contract)));
        GeneratedClients.Refusal forbidden = refusal(() -> impostor.getPinStatus(contract));
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.contentType().startsWith(PROBLEM_JSON), forbidden.contentType() + " " + forbidden.body());
        PinApi anonymous = new PinApi(GeneratedClients.pinService(Actor.ANONYMOUS));
        GeneratedClients.Refusal unauthenticated = refusal(() -> anonymous.disclosePin(contract,
                new Disclose().identityCheck(IdentityCheck.KNOWLEDGE_QUESTIONS).identityCheckRef("none"), newKey()));
        assertEquals(401, unauthenticated.status());
        assertEquals(Outcome.VERIFIED, verify(DemoStory.NEW_PIN).getOutcome(), "the holder's PIN is unchanged");
    }

    private Verification verify(String pin) throws Exception {
        Verification verification = channel.verifyPin(contract, new Verify().pin(pin).channel(Channel.MY_DOCOMO), newKey());
        assertNotNull(verification.getOutcome());
        return verification;
    }

    /** A wrong entry the gateway sends again with its key: the first answer comes back, marked, counted once. */
    private Verification wrongEntryRetried() throws Exception {
        Verify wrong = new Verify().pin(DemoStory.WRONG_PIN).channel(Channel.MY_DOCOMO);
        String key = newKey();
        var first = channel.verifyPinWithHttpInfo(contract, wrong, key);
        var retried = channel.verifyPinWithHttpInfo(contract, wrong, key);
        assertEquals(first.getData(), retried.getData());
        assertEquals(2, retried.getData().getRemainingAttempts());
        assertEquals(List.of("true"), retried.getHeaders().get("idempotency-replayed"), retried.getHeaders().toString());
        return retried.getData();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
