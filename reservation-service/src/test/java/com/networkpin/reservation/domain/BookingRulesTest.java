package com.networkpin.reservation.domain;

import static com.networkpin.reservation.domain.Fixtures.CLOCK;
import static com.networkpin.reservation.domain.Fixtures.CLOSED_DATE;
import static com.networkpin.reservation.domain.Fixtures.POLICY;
import static com.networkpin.reservation.domain.Fixtures.TODAY;
import static com.networkpin.reservation.domain.Fixtures.japan;
import static com.networkpin.reservation.domain.Fixtures.shop;
import static com.networkpin.reservation.domain.Fixtures.thursday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networkpin.events.ReservationBooked;
import com.networkpin.events.ReservationCancelled;
import com.networkpin.events.VisitPurpose;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    @Test
    void givenAnOpenShop_whenAPinResetIsBookedOnAQuarterHour_thenItIsBookedFreeOfCharge() {
        // given a shop open 10:00-19:00 on Thursday
        // when a PIN reset is booked for Thursday 10:15
        ReservationBooked booked = book(VisitPurpose.PIN_RESET, thursday("10:15"), List.of());
        // then it is booked at no charge
        assertEquals(new ReservationBooked("ACDEFGH", "C-1", "tokyo-test", thursday("10:15"), VisitPurpose.PIN_RESET, 0),
                booked);
    }

    @Test
    void givenOtherShopSupport_whenBooked_thenItCosts3300YenAndSaysWhy() {
        ReservationBooked booked = book(VisitPurpose.OTHER, thursday("11:00"), List.of());
        assertEquals(new ReservationBooked("ACDEFGH", "C-1", "tokyo-test", thursday("11:00"), VisitPurpose.OTHER, 3_300),
                booked);
        assertEquals(3_300, Fee.forPurpose(VisitPurpose.OTHER).amountJpy());
        assertEquals(true, Fee.forPurpose(VisitPurpose.OTHER).reason().contains("online-only"));
        assertEquals(0, Fee.forPurpose(VisitPurpose.PIN_CHANGE).amountJpy());
    }

    @Test
    void givenAContractIdThatCouldNeverHaveAPin_whenBooking_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BookVisit("C_1", "tokyo-test", japan(TODAY, "10:00"), VisitPurpose.PIN_RESET, false));
    }

    @Test
    void givenASlotThatHasBegun_whenACustomerBooksIt_thenItIsRefused() {
        // given now is Tuesday 10:00; when booking Tuesday 09:45 (and today's 10:00 itself is still bookable)
        assertRefused(Refusal.IN_THE_PAST, japan(TODAY, "09:45"));
        assertEquals(japan(TODAY, "10:00"), book(VisitPurpose.PIN_RESET, japan(TODAY, "10:00"), List.of()).start());
    }

    @Test
    void givenASlotInProgress_whenTheShopsStaffBookAWalkIn_thenItIsBookedButNoEarlierSlot() {
        // given it is Thursday 11:05: the 11:00 slot is in progress until 11:15
        Instant now = thursday("11:05");
        assertEquals(thursday("11:00"), book(thursday("11:00"), now, true).start());
        assertEquals(thursday("11:00"), book(thursday("11:00"), thursday("11:14:59"), true).start());
        // a customer may not; nor may staff take a slot that has ended
        assertEquals(Refusal.IN_THE_PAST, assertThrows(Refused.class,
                () -> book(thursday("11:00"), now, false)).refusal());
        assertEquals(Refusal.IN_THE_PAST, assertThrows(Refused.class,
                () -> book(thursday("10:45"), now, true)).refusal());
        assertEquals(Refusal.IN_THE_PAST, assertThrows(Refused.class,
                () -> book(thursday("11:00"), thursday("11:15"), true)).refusal());
        // the other rules still hold for a walk-in: before opening there is no slot in progress
        assertEquals(Refusal.OUTSIDE_OPENING_HOURS, assertThrows(Refused.class,
                () -> book(thursday("09:45"), thursday("09:50"), true)).refusal());
    }

    @Test
    void givenAStartOffTheFifteenMinuteGrid_whenBooked_thenItIsRefused() {
        assertRefused(Refusal.NOT_ON_SLOT_BOUNDARY, thursday("10:07"));
        assertRefused(Refusal.NOT_ON_SLOT_BOUNDARY, thursday("10:15").plusSeconds(1));
    }

    @Test
    void givenADayMoreThanThirtyJapanDatesAhead_whenBooked_thenItIsRefused() {
        // day 30 is the last bookable day (2026-12-24 is a Thursday)
        assertEquals(japan(TODAY.plusDays(30), "18:45"),
                book(VisitPurpose.PIN_RESET, japan(TODAY.plusDays(30), "18:45"), List.of()).start());
        assertRefused(Refusal.TOO_FAR_AHEAD, japan(TODAY.plusDays(31), "10:00"));
    }

    @Test
    void givenAClosingWeekdayOrAClosedDate_whenBooked_thenItIsRefused() {
        assertRefused(Refusal.SHOP_CLOSED, japan(TODAY.plusDays(1), "11:00")); // Wednesday
        assertRefused(Refusal.SHOP_CLOSED, japan(CLOSED_DATE, "11:00"));
    }

    @Test
    void givenASlotOutsideOpeningHours_whenBooked_thenItIsRefused() {
        assertRefused(Refusal.OUTSIDE_OPENING_HOURS, thursday("09:45"));
        assertRefused(Refusal.OUTSIDE_OPENING_HOURS, thursday("19:00")); // would end after closing
        assertEquals(thursday("18:45"), book(VisitPurpose.PIN_RESET, thursday("18:45"), List.of()).start());
    }

    @Test
    void givenAnActiveBooking_whenTheSamePurposeIsBookedAgain_thenItIsRefusedButAnotherPurposeIsNot() {
        // given the contract holds an active PIN reset booking
        Reservation active = Fixtures.booked(VisitPurpose.PIN_RESET, thursday("10:00"));
        // when it books another PIN reset, then it is refused; another purpose is fine
        Refused refused = assertThrows(Refused.class,
                () -> book(VisitPurpose.PIN_RESET, thursday("12:00"), List.of(active)));
        assertEquals(Refusal.ACTIVE_BOOKING_EXISTS, refused.refusal());
        assertEquals(VisitPurpose.PIN_CHANGE, book(VisitPurpose.PIN_CHANGE, thursday("12:00"), List.of(active))
                .purpose());
    }

    @Test
    void givenACancelledBooking_whenTheSamePurposeIsBooked_thenItIsBooked() {
        Reservation booked = Fixtures.booked(VisitPurpose.PIN_RESET, thursday("10:00"));
        ReservationCancelled cancelled = booked.cancel(CLOCK.instant());
        Reservation gone = booked.apply(cancelled);
        assertEquals(ReservationStatus.CANCELLED, gone.status());
        assertEquals(VisitPurpose.PIN_RESET, book(VisitPurpose.PIN_RESET, thursday("12:00"), List.of(gone)).purpose());
    }

    @Test
    void givenACheckedInVisit_whenTheSamePurposeIsBooked_thenItIsBooked() {
        // given an OTHER visit checked in, which no PIN reset will ever complete
        Reservation booked = Fixtures.booked(VisitPurpose.OTHER, thursday("10:00"));
        Reservation checkedIn = booked.apply(booked.checkIn("DRIVING_LICENCE", true, "s", thursday("09:55"), POLICY));
        // when the contract books OTHER support again, then it is booked
        assertEquals(VisitPurpose.OTHER, book(VisitPurpose.OTHER, thursday("15:00"), List.of(checkedIn)).purpose());
    }

    @Test
    void givenAShopsHours_whenItsSlotsAreListed_thenTheyRunFromOpeningToTheLastQuarterBeforeClosing() {
        List<Instant> starts = shop().slotStarts(TODAY.plusDays(2));
        assertEquals(36, starts.size());
        assertEquals(thursday("10:00"), starts.get(0));
        assertEquals(thursday("18:45"), starts.get(35));
        assertEquals(List.of(), shop().slotStarts(TODAY.plusDays(1)));
        assertEquals(List.of(), shop().slotStarts(CLOSED_DATE));
    }

    @Test
    void givenAnInconsistentShop_whenDefined_thenItIsRefused() {
        Refused backwards = assertThrows(Refused.class, () -> OpeningHours.of("19:00", "10:00"));
        assertEquals(Refusal.INVALID_SHOP, backwards.refusal());
        assertThrows(Refused.class, () -> OpeningHours.of("10:10", "19:00"));
        Shop valid = shop();
        Refused unknownPrefecture = assertThrows(Refused.class, () -> new Shop(valid.id(), valid.name(), valid.nameJa(), "Narnia",
                valid.address(), valid.weeklyHours(), valid.closedDates(), 2));
        assertEquals(Refusal.INVALID_SHOP, unknownPrefecture.refusal());
        assertEquals("Tokyo", valid.prefecture()); // canonical spelling
        assertThrows(Refused.class, () -> new Shop("Bad Id!", valid.name(), valid.nameJa(), "Tokyo", valid.address(),
                valid.weeklyHours(), valid.closedDates(), 2));
        assertThrows(Refused.class, () -> new Shop(valid.id(), valid.name(), valid.nameJa(), "Tokyo", valid.address(),
                valid.weeklyHours(), valid.closedDates(), 0));
        Refused blankJapaneseName = assertThrows(Refused.class, () -> new Shop(valid.id(), valid.name(), " ",
                "Tokyo", valid.address(), valid.weeklyHours(), valid.closedDates(), 2));
        assertEquals(Refusal.INVALID_SHOP, blankJapaneseName.refusal());
        assertThrows(Refused.class, () -> new Shop(valid.id(), valid.name(), "店".repeat(201), "Tokyo",
                valid.address(), valid.weeklyHours(), valid.closedDates(), 2));
    }

    @Test
    void givenAShopNamedInBothLanguages_whenDefined_thenItKeepsBothNamesAndItsPrefectureInJapanese() {
        Shop valid = shop();
        assertEquals("Test Shop", valid.name());
        assertEquals("テスト店", valid.nameJa());
        assertEquals("東京都", valid.prefectureJa());

        Shop inJapanese = new Shop(valid.id(), valid.name(), null, "愛知県", valid.address(), valid.weeklyHours(),
                valid.closedDates(), 2);
        assertEquals("Test Shop", inJapanese.nameJa(), "without a Japanese name, the English one");
        assertEquals("Aichi", inJapanese.prefecture(), "a prefecture named in Japanese, kept in its canonical spelling");
        assertEquals("愛知県", inJapanese.prefectureJa());
        assertEquals(Prefectures.ALL.size(), Prefectures.JAPANESE.size());
        assertEquals("沖縄県", Prefectures.japanese("Okinawa"));
    }

    private static ReservationBooked book(VisitPurpose purpose, Instant start, Collection<Reservation> existing) {
        return Reservation.book(new BookVisit("C-1", "tokyo-test", start, purpose, false), "ACDEFGH", shop(),
                existing, CLOCK.instant(), POLICY);
    }

    /** A PIN reset booked at {@code now}, by the shop's staff at the counter when {@code walkInAllowed}. */
    private static ReservationBooked book(Instant start, Instant now, boolean walkInAllowed) {
        return Reservation.book(new BookVisit("C-1", "tokyo-test", start, VisitPurpose.PIN_RESET, walkInAllowed),
                "ACDEFGH", shop(), List.of(), now, POLICY);
    }

    private static void assertRefused(Refusal expected, Instant start) {
        Refused refused = assertThrows(Refused.class, () -> book(VisitPurpose.PIN_RESET, start, List.of()));
        assertEquals(expected, refused.refusal());
    }
}
