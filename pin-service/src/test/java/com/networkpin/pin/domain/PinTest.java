package com.networkpin.pin.domain;

import static com.networkpin.pin.domain.DomainFixtures.POLICY;
import static com.networkpin.pin.domain.DomainFixtures.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.AttemptFailed;
import com.networkpin.events.AttemptRefused;
import com.networkpin.events.AttemptSucceeded;
import com.networkpin.events.Channel;
import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityCheck;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.Locked;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.PinDisclosed;
import com.networkpin.events.PinEvent;
import com.networkpin.events.PinReset;
import com.networkpin.events.PinSet;
import com.networkpin.events.ResetGranted;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.events.VisitPurpose;
import com.networkpin.pin.domain.VerificationResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given a PIN's past events, when a command comes, then these events (or this refusal). */
class PinTest {

    private static final String CONTRACT = "C-1001";
    private static final PinCode RIGHT = new PinCode("4827");
    private static final PinCode WRONG = new PinCode("1357");
    private static final Instant SET_AT = tokyo("2030-01-10T10:00:00");
    private static final byte[] PEPPER_A = DomainFixtures.filled(32, 0xA);
    private static final byte[] PEPPER_B = DomainFixtures.filled(32, 0xB);
    private static final String SHOP = "tokyo-shinjuku-west";
    private static final Insider AGENT = new Insider("agent-7", "session-7");
    private static final Insider STAFF = new Insider("staff-9", "session-9");

    private final HmacAesPinSecrets secrets = DomainFixtures.secrets();
    private final List<PinChange> history = new ArrayList<>();

    // ---- failures, lock, unlock ----

    @Test
    void givenTwoFailures_whenTheRightPinIsEntered_thenTheCountIsBackToZero() {
        givenPinSet();
        givenWrongEntriesAt(tokyo("2030-01-10T11:00:00"), tokyo("2030-01-10T11:01:00"));

        Instant at = tokyo("2030-01-10T11:02:00");
        Verification success = pin().verify(RIGHT, Channel.BILLING, secrets, POLICY, at);
        given(success.changes());

        assertEquals(Outcome.VERIFIED, success.result().outcome());
        assertEquals(List.of(new AttemptSucceeded(CONTRACT, Channel.BILLING, at)), events(success.changes()));
        assertEquals(0, pin().consecutiveFailures());
        Verification afterwards = pin().verify(WRONG, Channel.BILLING, secrets, POLICY, tokyo("2030-01-10T11:03:00"));
        assertEquals(Outcome.MISMATCH, afterwards.result().outcome());
        assertEquals(2, afterwards.result().remainingAttempts(), "a success before the third failure resets the count");
    }

    @Test
    void givenTwoFailures_whenTheThirdWrongPinIsEntered_thenItFailsAndLocksUntilMidnightInTokyo() {
        givenPinSet();
        givenWrongEntriesAt(tokyo("2030-01-10T23:59:00"), tokyo("2030-01-10T23:59:30"));

        Instant at = tokyo("2030-01-10T23:59:59");
        Verification third = pin().verify(WRONG, Channel.D_PAYMENT, secrets, POLICY, at);

        assertEquals(List.of(new AttemptFailed(CONTRACT, Channel.D_PAYMENT, 3, 0, at),
                        new Locked(CONTRACT, at, tokyo("2030-01-11T00:00:00"))), events(third.changes()),
                "lock at 23:59:59 lifts at 00:00 the same night");
        assertEquals(Outcome.LOCKED, third.result().outcome());
        assertEquals(tokyo("2030-01-11T00:00:00"), third.result().unlocksAt());
    }

    @Test
    void givenALockJustAfterMidnight_whenItLocks_thenItLastsUntilTheNextMidnight() {
        givenPinSet();
        givenWrongEntriesAt(tokyo("2030-01-11T00:00:00"), tokyo("2030-01-11T00:00:00"));

        Instant at = tokyo("2030-01-11T00:00:01");
        Verification third = pin().verify(WRONG, Channel.BILLING, secrets, POLICY, at);

        assertEquals(List.of(new AttemptFailed(CONTRACT, Channel.BILLING, 3, 0, at),
                new Locked(CONTRACT, at, tokyo("2030-01-12T00:00:00"))), events(third.changes()));
    }

    @Test
    void givenALockedPin_whenEvenTheRightPinIsEntered_thenTheAttemptIsRefusedWithoutComparing() {
        givenLocked(tokyo("2030-01-10T15:00:00"));

        Instant at = tokyo("2030-01-10T16:00:00");
        Verification attempt = pin().verify(RIGHT, Channel.MY_DOCOMO, secrets, POLICY, at);

        assertEquals(List.of(new AttemptRefused(CONTRACT, Channel.MY_DOCOMO, at, tokyo("2030-01-11T00:00:00"))),
                events(attempt.changes()));
        assertEquals(Outcome.LOCKED, attempt.result().outcome());
    }

    @Test
    void givenALockPastItsUnlockTime_whenAnyCommandComes_thenItIsFirstLiftedAsByItsDatesMidnightUnlock() {
        givenLocked(tokyo("2030-01-10T23:59:59"));

        assertEquals(List.of(), pin().liftIfDue(POLICY, tokyo("2030-01-10T23:59:59.999")), "not before its midnight");
        List<PinChange> lift = pin().liftIfDue(POLICY, tokyo("2030-01-11T00:00:00"));

        assertEquals(List.of(new Unlocked(CONTRACT, UnlockReason.MIDNIGHT,
                        MidnightUnlock.eventIdFor(LocalDate.of(2030, 1, 11)), tokyo("2030-01-11T00:00:00"))),
                events(lift), "caused by the MidnightUnlock of the lock's date, as the scheduler publishes it");
        assertEquals(PinStatus.ACTIVE, pin().asOf(POLICY, tokyo("2030-01-11T00:00:00")).status());
        assertEquals(PinStatus.LOCKED, pin().asOf(POLICY, tokyo("2030-01-10T23:59:59.999")).status());
        given(lift);
        assertEquals(Outcome.VERIFIED, pin().verify(RIGHT, Channel.BILLING, secrets, POLICY,
                tokyo("2030-01-11T00:00:01")).result().outcome());
        assertEquals(List.of(), pin().liftIfDue(POLICY, tokyo("2030-01-12T00:00:00")), "lifted once");
    }

    @Test
    void givenALockedPin_whenMidnightComes_thenItUnlocksAndTheCountStartsFromZero() {
        givenLocked(tokyo("2030-01-10T15:00:00"));
        UUID midnightUnlock = UUID.randomUUID();

        List<PinChange> unlock = pin().unlockAtMidnight(midnightUnlock, tokyo("2030-01-11T00:00:00"),
                tokyo("2030-01-11T00:00:02"));
        given(unlock);

        assertEquals(List.of(new Unlocked(CONTRACT, UnlockReason.MIDNIGHT, midnightUnlock,
                tokyo("2030-01-11T00:00:02"))), events(unlock));
        assertEquals(PinStatus.ACTIVE, pin().status());
        assertEquals(0, pin().consecutiveFailures());
        assertEquals(3, pin().remainingAttempts(POLICY));
        Verification next = pin().verify(WRONG, Channel.BILLING, secrets, POLICY, tokyo("2030-01-11T08:00:00"));
        assertEquals(2, next.result().remainingAttempts(), "unlock resets the count");
    }

    @Test
    void givenALockDueTomorrow_whenTonightsMidnightUnlockComes_thenItStaysLocked() {
        givenLocked(tokyo("2030-01-11T00:00:01"));

        assertTrue(pin().unlockAtMidnight(UUID.randomUUID(), tokyo("2030-01-11T00:00:00"),
                tokyo("2030-01-11T00:00:05")).isEmpty());
    }

    // ---- shop reset ----

    @Test
    void givenNoGrant_whenTheShopResets_thenItIsRefusedAsRetryable() {
        givenPinSet();

        PinRefused refused = assertThrows(PinRefused.class, () -> pin().reset(new PinCode("2580"), "R-1", SHOP, STAFF,
                Optional.empty(), secrets, tokyo("2030-01-10T12:00:00")));

        assertEquals(RefusalReason.GRANT_NOT_RECEIVED, refused.reason());
    }

    @Test
    void givenALockedPinAndALiveGrant_whenTheShopResets_thenTheNewPinIsSetAndTheLockLifts() {
        givenLocked(tokyo("2030-01-10T11:00:00"));
        ResetGrant grant = givenGrant("R-2", tokyo("2030-01-10T11:30:00"));

        Instant at = tokyo("2030-01-10T12:00:00");
        List<PinChange> reset = pin().reset(new PinCode("2580"), "R-2", SHOP, STAFF, Optional.of(grant), secrets, at);
        given(reset);

        assertEquals(List.of(new PinReset(CONTRACT, "R-2", "staff-9", "session-9", IdDocument.DRIVING_LICENCE, at),
                new Unlocked(CONTRACT, UnlockReason.RESET, reset.get(0).eventId(), at)), events(reset));
        assertEquals(PinStatus.ACTIVE, pin().status());
        assertEquals(0, pin().consecutiveFailures());
        assertEquals(Outcome.VERIFIED, pin().verify(new PinCode("2580"), Channel.BILLING, secrets, POLICY,
                tokyo("2030-01-10T12:01:00")).result().outcome());
        assertEquals(Outcome.MISMATCH, pin().verify(RIGHT, Channel.BILLING, secrets, POLICY,
                tokyo("2030-01-10T12:01:00")).result().outcome(), "the old PIN is gone");
    }

    @Test
    void givenAnExpiredGrant_whenTheShopResets_thenItIsRefused() {
        givenPinSet();
        ResetGrant grant = givenGrant("R-3", tokyo("2030-01-10T10:00:00"));

        PinRefused refused = assertThrows(PinRefused.class, () -> pin().reset(new PinCode("2580"), "R-3", SHOP, STAFF,
                Optional.of(grant), secrets, grant.expiresAt()));

        assertEquals(RefusalReason.GRANT_EXPIRED, refused.reason());
    }

    @Test
    void givenAUsedGrant_whenTheShopResetsAgain_thenItIsRefused() {
        givenPinSet();
        ResetGrant grant = givenGrant("R-4", tokyo("2030-01-10T11:00:00"));
        Instant resetAt = tokyo("2030-01-10T11:10:00");
        given(pin().reset(new PinCode("2580"), "R-4", SHOP, STAFF, Optional.of(grant), secrets, resetAt));
        ResetGrant used = new ResetGrant(grant.reservationNumber(), grant.contractId(), grant.shopId(), grant.staffId(),
                grant.document(), grant.purpose(), grant.grantedAt(), grant.expiresAt(), resetAt);

        PinRefused refused = assertThrows(PinRefused.class, () -> pin().reset(new PinCode("3691"), "R-4", SHOP, STAFF,
                Optional.of(used), secrets, tokyo("2030-01-10T11:20:00")));

        assertEquals(RefusalReason.GRANT_USED, refused.reason());
    }

    @Test
    void givenAGrantOfAnotherContract_whenTheShopResets_thenItCountsAsNoGrant() {
        givenPinSet();
        ResetGrant others = new ResetGrant("R-5", "C-other", SHOP, "staff-1", IdDocument.MY_NUMBER_CARD, VisitPurpose.PIN_RESET, SET_AT,
                SET_AT.plus(Duration.ofHours(2)), null);

        assertEquals(RefusalReason.GRANT_NOT_RECEIVED, assertThrows(PinRefused.class, () -> pin().reset(
                new PinCode("2580"), "R-5", SHOP, STAFF, Optional.of(others), secrets, SET_AT.plusSeconds(60))).reason());
    }

    @Test
    void givenAGrantOfAVisitAtAnotherShop_whenAShopResets_thenItIsRefusedAndStaysUsableByItsShop() {
        givenPinSet();
        ResetGrant grant = givenGrant("R-7", tokyo("2030-01-10T11:00:00"));
        assertEquals(SHOP, grant.shopId());
        assertEquals("staff-1", grant.staffId());

        assertEquals(RefusalReason.GRANT_OF_ANOTHER_SHOP, assertThrows(PinRefused.class, () -> pin().reset(
                new PinCode("2580"), "R-7", "osaka-umeda", STAFF, Optional.of(grant), secrets, tokyo("2030-01-10T11:05:00"))).reason());
        Instant resetAt = tokyo("2030-01-10T11:06:00");
        assertEquals(new PinReset(CONTRACT, "R-7", "staff-9", "session-9", IdDocument.DRIVING_LICENCE, resetAt), pin().reset(new PinCode("2580"), "R-7", SHOP, STAFF,
                Optional.of(grant), secrets, resetAt).get(0).event());
    }

    @Test
    void givenAGrantRecordedWithoutAShop_whenAnyShopResets_thenItIsRefused() {
        givenPinSet();
        ResetGrant legacy = new ResetGrant("R-8", CONTRACT, null, null, IdDocument.NOT_RECORDED, VisitPurpose.PIN_RESET, SET_AT,
                SET_AT.plus(Duration.ofHours(2)), null);

        assertEquals(RefusalReason.GRANT_OF_ANOTHER_SHOP, assertThrows(PinRefused.class, () -> pin().reset(
                new PinCode("2580"), "R-8", SHOP, STAFF, Optional.of(legacy), secrets, SET_AT.plusSeconds(60))).reason());
    }

    @Test
    void givenAnIdentityCheckForAnotherPurpose_whenGranting_thenNothingIsGranted() {
        givenPinSet();
        IdentityVerified other = new IdentityVerified("R-6", CONTRACT, "tokyo-shinjuku-west", VisitPurpose.OTHER, IdDocument.MY_NUMBER_CARD,
                "staff-1", SET_AT);

        assertTrue(pin().grantReset(other, Optional.empty(), POLICY).isEmpty());
    }

    // ---- set and disclose ----

    @Test
    void givenASetPin_whenSettingAgain_thenItIsRefused() {
        givenPinSet();

        assertEquals(RefusalReason.PIN_ALREADY_SET, assertThrows(PinRefused.class,
                () -> pin().set(new PinCode("2580"), secrets, SET_AT)).reason());
    }

    @Test
    void givenAContractIdOfAnotherShape_whenSetting_thenNoPinIsMade() {
        assertThrows(IllegalArgumentException.class, () -> Pin.notSet("C_1").set(RIGHT, secrets, SET_AT));
    }

    @Test
    void givenNoPin_whenVerifying_thenItIsRefusedAsNotSet() {
        assertEquals(RefusalReason.PIN_NOT_SET, assertThrows(PinRefused.class,
                () -> pin().verify(RIGHT, Channel.BILLING, secrets, POLICY, SET_AT)).reason());
    }

    @Test
    void givenMannedHours_whenSupportDiscloses_thenThePinIsRevealedAndRecordedWithoutIt() {
        givenPinSet();

        Instant at = tokyo("2030-01-10T09:00:00");
        Disclosure disclosure = pin().disclose(AGENT, IdentityCheck.KNOWLEDGE_QUESTIONS, "CASE-9", secrets, POLICY, at);

        assertEquals(RIGHT, disclosure.pin());
        assertEquals(List.of(new PinDisclosed(CONTRACT, "agent-7", "session-7",
                IdentityCheck.KNOWLEDGE_QUESTIONS, "CASE-9", at)), events(disclosure.changes()));
        assertFalse(events(disclosure.changes()).toString().contains(RIGHT.digits()));
    }

    @Test
    void givenTheMarkOfOlderEvents_whenSupportDisclosesWithIt_thenNothingIsDisclosed() {
        givenPinSet();

        assertThrows(IllegalArgumentException.class, () -> pin().disclose(AGENT, IdentityCheck.NOT_RECORDED, "CASE-9",
                secrets, POLICY, tokyo("2030-01-10T09:00:00")));
    }

    @Test
    void givenTheNight_whenSupportDiscloses_thenItIsRefusedNamingTheNextOpening() {
        givenPinSet();

        PinRefused refused = assertThrows(PinRefused.class, () -> pin().disclose(AGENT, IdentityCheck.KNOWLEDGE_QUESTIONS, "CASE-9", secrets,
                POLICY, tokyo("2030-01-10T20:00:00")));

        assertEquals(RefusalReason.OUTSIDE_MANNED_HOURS, refused.reason());
        assertEquals(Optional.of(tokyo("2030-01-11T09:00:00")), refused.retryAt());
    }

    @Test
    void givenTheDailyLimitReached_whenSupportDisclosesAgain_thenItIsRefusedUntilTheNextDate() {
        givenPinSet();
        given(pin().disclose(AGENT, IdentityCheck.SIGNED_IN_ACCOUNT, "c1", secrets, POLICY, tokyo("2030-01-10T10:00:00")).changes());
        given(pin().disclose(AGENT, IdentityCheck.SIGNED_IN_ACCOUNT, "c2", secrets, POLICY, tokyo("2030-01-10T19:00:00")).changes());

        PinRefused refused = assertThrows(PinRefused.class, () -> pin().disclose(AGENT, IdentityCheck.SIGNED_IN_ACCOUNT, "c3", secrets, POLICY,
                tokyo("2030-01-10T19:30:00")));

        assertEquals(RefusalReason.DAILY_DISCLOSURE_LIMIT, refused.reason());
        assertEquals(Optional.of(tokyo("2030-01-11T00:00:00")), refused.retryAt());
        assertEquals(RIGHT, pin().disclose(AGENT, IdentityCheck.SIGNED_IN_ACCOUNT, "c4", secrets, POLICY, tokyo("2030-01-11T09:00:00")).pin(),
                "the next date has its own limit");
    }

    @Test
    void givenAnyHistory_whenReplayed_thenTheVersionCountsItsEvents() {
        givenLocked(tokyo("2030-01-10T15:00:00"));

        Pin replayed = Pin.replay(CONTRACT, history, POLICY);

        assertEquals(history.size(), replayed.version());
        assertEquals(PinStatus.LOCKED, replayed.status());
        assertNull(Pin.notSet(CONTRACT).credential());
    }

    // ---- pepper rotation ----

    @Test
    void givenAPinSetUnderPepperA_whenPepperBBecomesActive_thenTheRightPinVerifiesAndIsRehashedWithB() {
        HmacAesPinSecrets onlyA = DomainFixtures.secrets(Map.of("A", PEPPER_A), "A", null);
        HmacAesPinSecrets rotated = DomainFixtures.secrets(Map.of("A", PEPPER_A, "B", PEPPER_B), "B", "A");
        HmacAesPinSecrets onlyB = DomainFixtures.secrets(Map.of("B", PEPPER_B), "B", null);
        given(Pin.notSet(CONTRACT).set(RIGHT, onlyA, SET_AT));
        Credential before = pin().credential();
        assertEquals("A", before.pepperId());

        Verification wrong = pin().verify(WRONG, Channel.BILLING, rotated, POLICY, SET_AT.plusSeconds(60));
        given(wrong.changes());
        Verification right = pin().verify(RIGHT, Channel.BILLING, rotated, POLICY, SET_AT.plusSeconds(120));
        given(right.changes());

        assertEquals(Outcome.MISMATCH, wrong.result().outcome());
        assertNull(wrong.changes().get(0).credential(), "a wrong entry changes no hash");
        assertEquals(Outcome.VERIFIED, right.result().outcome());
        assertEquals(List.of(new AttemptSucceeded(CONTRACT, Channel.BILLING, SET_AT.plusSeconds(120))),
                events(right.changes()));
        Credential after = pin().credential();
        assertEquals("B", after.pepperId());
        assertEquals(before.keyId(), after.keyId());
        assertEquals(RIGHT, onlyB.reveal(CONTRACT, after));
        assertNull(pin().verify(RIGHT, Channel.BILLING, rotated, POLICY, SET_AT.plusSeconds(180)).changes().get(0)
                .credential(), "rehashed once");
        assertEquals(Outcome.VERIFIED, pin().verify(RIGHT, Channel.BILLING, onlyB, POLICY, SET_AT.plusSeconds(240))
                .result().outcome(), "pepper A is no longer needed");
        assertEquals(Outcome.MISMATCH, pin().verify(WRONG, Channel.BILLING, onlyB, POLICY, SET_AT.plusSeconds(300))
                .result().outcome());
    }

    @Test
    void givenAPinStoredBeforePepperIds_whenVerifiedAfterARotation_thenTheLegacyPepperVerifiesItAndItIsRehashed() {
        HmacAesPinSecrets onlyA = DomainFixtures.secrets(Map.of("A", PEPPER_A), "A", null);
        Credential made = onlyA.protect(CONTRACT, RIGHT);
        history.add(new PinChange(UUID.randomUUID(), new PinSet(CONTRACT, SET_AT),
                new Credential(made.salt(), made.hmac(), null, made.keyId(), made.nonce(), made.ciphertext())));
        HmacAesPinSecrets rotated = DomainFixtures.secrets(Map.of("A", PEPPER_A, "B", PEPPER_B), "B", "A");

        assertEquals(Outcome.MISMATCH, pin().verify(WRONG, Channel.BILLING, rotated, POLICY, SET_AT.plusSeconds(60))
                .result().outcome());
        given(pin().verify(RIGHT, Channel.BILLING, rotated, POLICY, SET_AT.plusSeconds(60)).changes());

        assertEquals("B", pin().credential().pepperId());
    }

    // ---- helpers ----

    private Pin pin() {
        return Pin.replay(CONTRACT, history, POLICY);
    }

    private void givenPinSet() {
        given(Pin.notSet(CONTRACT).set(RIGHT, secrets, SET_AT));
    }

    private void givenLocked(Instant lockedAt) {
        givenPinSet();
        givenWrongEntriesAt(lockedAt, lockedAt, lockedAt);
        assertEquals(PinStatus.LOCKED, pin().status());
    }

    private ResetGrant givenGrant(String reservation, Instant verifiedAt) {
        List<PinChange> granted = pin().grantReset(new IdentityVerified(reservation, CONTRACT, SHOP, VisitPurpose.PIN_RESET,
                IdDocument.DRIVING_LICENCE, "staff-1", verifiedAt), Optional.empty(), POLICY);
        given(granted);
        assertEquals(1, granted.size());
        return ResetGrant.of((ResetGranted) granted.get(0).event());
    }

    private void givenWrongEntriesAt(Instant... times) {
        for (Instant at : times) {
            given(pin().verify(WRONG, Channel.ONLINE_PROCEDURE, secrets, POLICY, at).changes());
        }
    }

    private void given(List<PinChange> changes) {
        history.addAll(changes);
    }

    private static List<PinEvent> events(List<PinChange> changes) {
        return changes.stream().map(PinChange::event).toList();
    }
}
