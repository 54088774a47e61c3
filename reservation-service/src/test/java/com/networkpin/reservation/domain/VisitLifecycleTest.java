package com.networkpin.reservation.domain;

import static com.networkpin.reservation.domain.Fixtures.NOW;
import static com.networkpin.reservation.domain.Fixtures.POLICY;
import static com.networkpin.reservation.domain.Fixtures.shop;
import static com.networkpin.reservation.domain.Fixtures.thursday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.NoShow;
import com.networkpin.events.ReservationRescheduled;
import com.networkpin.events.VisitCompleted;
import com.networkpin.events.VisitPurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VisitLifecycleTest {

    private static final Instant SLOT = thursday("14:00");
    private static final Instant AT_THE_SHOP = SLOT.minus(Duration.ofMinutes(5));

    @ParameterizedTest
    @EnumSource(value = IdDocument.class, names = "NOT_RECORDED", mode = EnumSource.Mode.EXCLUDE)
    void givenABooking_whenTheOriginalOfAnAcceptedDocumentIsShown_thenTheIdentityIsVerified(IdDocument document) {
        // given a PIN reset booking, when the customer shows the original at the shop
        IdentityVerified verified = booking().checkIn(document.name(), true, "staff-7", AT_THE_SHOP, POLICY);
        // then their identity is verified for that purpose
        assertEquals(new IdentityVerified("ACDEFGH", "C-1", "tokyo-test", VisitPurpose.PIN_RESET, document, "staff-7",
                AT_THE_SHOP), verified);
        assertEquals(ReservationStatus.CHECKED_IN, booking().apply(verified).status());
    }

    @Test
    void givenABooking_whenACopyIsShown_thenItIsRefused() {
        Refused refused = assertThrows(Refused.class,
                () -> booking().checkIn("DRIVING_LICENCE", false, "staff-7", AT_THE_SHOP, POLICY));
        assertEquals(Refusal.DOCUMENT_NOT_ACCEPTED, refused.refusal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HEALTH_INSURANCE_CARD", "PASSPORT", "student card", "", "NOT_RECORDED"})
    void givenABooking_whenAnyOtherDocumentIsShown_thenItIsRefused(String document) {
        Refused refused = assertThrows(Refused.class,
                () -> booking().checkIn(document, true, "staff-7", AT_THE_SHOP, POLICY));
        assertEquals(Refusal.DOCUMENT_NOT_ACCEPTED, refused.refusal());
        assertTrue(refused.getMessage().contains("health insurance card alone"));
    }

    @Test
    void givenABooking_whenCheckingInOnTheVisitsDate_thenItIsOpenUntilTheBookingWouldBecomeANoShow() {
        // given a 14:00 booking on Thursday and a 15-minute grace: early arrivals that day (00:00 in Japan,
        // still Wednesday in UTC) and 14:29 are fine, 14:30 is missed
        Reservation booking = booking();
        assertEquals(IdDocument.MY_NUMBER_CARD,
                booking.checkIn("MY_NUMBER_CARD", true, "s", thursday("00:00"), POLICY).document());
        booking.checkIn("MY_NUMBER_CARD", true, "s", SLOT.plus(Duration.ofMinutes(29)), POLICY);
        assertEquals(Refusal.CHECK_IN_CLOSED, assertThrows(Refused.class, () -> booking.checkIn("MY_NUMBER_CARD",
                true, "s", SLOT.plus(Duration.ofMinutes(30)), POLICY)).refusal());
    }

    @Test
    void givenABooking_whenCheckingInBeforeTheVisitsDateInJapan_thenItIsRefused() {
        // neither Tuesday nor Wednesday 23:59 in Japan is the visit's date
        Refused early = assertThrows(Refused.class, () -> booking().checkIn("MY_NUMBER_CARD", true, "s", NOW, POLICY));
        assertEquals(Refusal.CHECK_IN_NOT_TODAY, early.refusal());
        assertTrue(early.getMessage().contains("2026-11-26"), early.getMessage());
        assertEquals(Refusal.CHECK_IN_NOT_TODAY, assertThrows(Refused.class, () -> booking().checkIn("MY_NUMBER_CARD",
                true, "s", thursday("00:00").minusSeconds(60), POLICY)).refusal());
    }

    @Test
    void givenABookingNobodyCheckedInFor_whenTheSlotAndTheGraceAreOver_thenItIsANoShow() {
        // given a 14:00 booking and a 15-minute grace, then 14:29 is still fine, 14:30 is a no-show
        assertEquals(Optional.empty(), booking().markNoShow(SLOT.plus(Duration.ofMinutes(29)), POLICY));
        Instant graceOver = SLOT.plus(Duration.ofMinutes(30));
        NoShow noShow = booking().markNoShow(graceOver, POLICY).orElseThrow();
        assertEquals(new NoShow("ACDEFGH", "C-1", SLOT, graceOver), noShow);
        assertEquals(ReservationStatus.NO_SHOW, booking().apply(noShow).status());
    }

    @Test
    void givenACheckedInVisit_whenThePinIsReset_thenItCompletesAndIsNeverANoShow() {
        Reservation checkedIn = checkedIn();
        assertEquals(Optional.empty(), checkedIn.markNoShow(SLOT.plus(Duration.ofHours(3)), POLICY));
        assertEquals(Optional.empty(), checkedIn.completeVisit("C-other", SLOT));
        VisitCompleted completed = checkedIn.completeVisit("C-1", SLOT.plusSeconds(600)).orElseThrow();
        assertEquals(new VisitCompleted("ACDEFGH", "C-1", SLOT.plusSeconds(600)), completed);
        assertEquals(ReservationStatus.COMPLETED, checkedIn.apply(completed).status());
        assertEquals(Optional.empty(), booking().completeVisit("C-1", SLOT)); // not checked in
    }

    @Test
    void givenABooking_whenRescheduled_thenItMovesWithinTheSameRules() {
        ReservationRescheduled moved = booking().reschedule(thursday("15:30"), shop(), NOW, POLICY);
        assertEquals(new ReservationRescheduled("ACDEFGH", "C-1", "tokyo-test", SLOT, thursday("15:30")), moved);
        assertEquals(thursday("15:30"), booking().apply(moved).start());
        assertEquals(Refusal.SAME_SLOT,
                assertThrows(Refused.class, () -> booking().reschedule(SLOT, shop(), NOW, POLICY)).refusal());
        assertEquals(Refusal.OUTSIDE_OPENING_HOURS, assertThrows(Refused.class,
                () -> booking().reschedule(thursday("19:00"), shop(), NOW, POLICY)).refusal());
    }

    @Test
    void givenAReservationNoLongerBooked_whenCancelledMovedOrCheckedIn_thenItIsRefused() {
        Reservation cancelled = booking().apply(booking().cancel(NOW));
        assertEquals(Refusal.NOT_BOOKED, assertThrows(Refused.class, () -> cancelled.cancel(NOW)).refusal());
        assertEquals(Refusal.NOT_BOOKED, assertThrows(Refused.class,
                () -> cancelled.reschedule(thursday("15:00"), shop(), NOW, POLICY)).refusal());
        assertEquals(Refusal.NOT_BOOKED, assertThrows(Refused.class,
                () -> checkedIn().checkIn("MY_NUMBER_CARD", true, "s", AT_THE_SHOP, POLICY)).refusal());
        assertEquals(Refusal.IN_THE_PAST, assertThrows(Refused.class, () -> booking().cancel(SLOT)).refusal());
    }

    @Test
    void givenRandomNumbers_whenReservationNumbersAreMade_thenTheyAreShortAndFreeOfLookAlikes() {
        ReservationNumbers numbers = new ReservationNumbers(new java.util.Random(42));
        for (int i = 0; i < 1_000; i++) {
            String number = numbers.next();
            assertEquals(ReservationNumbers.LENGTH, number.length());
            assertTrue(number.chars().noneMatch(c -> "0O1IL2Z5S8BUV".indexOf(c) >= 0), number);
            assertTrue(ReservationNumbers.looksValid(number));
        }
        assertEquals(false, ReservationNumbers.looksValid("ABC0123"));
    }

    @Test
    void givenALockedPin_whenBooking_thenTheAdviceSaysTheLockLiftsAtMidnight() {
        Instant midnight = Instant.parse("2026-11-24T15:00:00Z"); // 00:00 JST on the 25th
        PinLock lock = new PinLock("C-1", midnight);
        assertEquals(Optional.of("Your PIN is locked until 00:00 JST on 2026-11-25; it unlocks by itself then."
                + " If you only need the lock lifted, no visit is needed."), lock.adviceAt(NOW));
        assertEquals(Optional.empty(), lock.adviceAt(midnight));
        assertEquals(Optional.empty(), new PinLock("C-1", null).adviceAt(NOW));
    }

    private static Reservation booking() {
        return Fixtures.booked(VisitPurpose.PIN_RESET, SLOT);
    }

    private static Reservation checkedIn() {
        Reservation booking = booking();
        return booking.apply(booking.checkIn("DRIVING_LICENCE", true, "staff-7", AT_THE_SHOP, POLICY));
    }
}
