package com.networkpin.reservation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A shop's slots on one Japan date; none when the shop is closed that day. */
public record DaySlots(String shopId, LocalDate date, boolean open, List<Slot> slots) {

    /**
     * One 15-minute slot. {@code bookable} is false once it has begun, beyond the booking horizon,
     * or when no counter is left.
     */
    public record Slot(Instant start, Instant end, int counters, int remaining, boolean bookable) {
    }
}
