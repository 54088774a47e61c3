package com.networkpin.reservation.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A shop that takes visits: its name in English and in Japanese ({@code nameJa}; the English name
 * when none is given), its weekly opening hours (a weekday without hours is a closing day),
 * dates it is closed on, and its counters, each of which serves one visit per slot.
 */
public record Shop(String id, String name, String nameJa, String prefecture, String address,
                   Map<DayOfWeek, OpeningHours> weeklyHours, Set<LocalDate> closedDates, int counters) {

    public static final int MAX_COUNTERS = 50;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");

    public Shop {
        if (id == null || !ID.matcher(id).matches()) {
            throw invalid("The shop id must be 3-63 lower-case letters, digits or hyphens.");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw invalid("The shop name must be 1-200 characters.");
        }
        if (nameJa == null) {
            nameJa = name;
        } else if (nameJa.isBlank() || nameJa.length() > 200) {
            throw invalid("The Japanese shop name (nameJa), when given, must be 1-200 characters.");
        }
        prefecture = Prefectures.canonical(prefecture)
                .orElseThrow(() -> invalid("The prefecture must be one of the 47 prefectures, e.g. Tokyo."));
        if (address == null || address.isBlank() || address.length() > 300) {
            throw invalid("The address must be 1-300 characters.");
        }
        if (weeklyHours == null || weeklyHours.isEmpty()) {
            throw invalid("A shop needs opening hours on at least one weekday.");
        }
        if (counters < 1 || counters > MAX_COUNTERS) {
            throw invalid("Counters must be between 1 and " + MAX_COUNTERS + ".");
        }
        weeklyHours = Map.copyOf(new EnumMap<>(weeklyHours));
        closedDates = closedDates == null ? Set.of() : Set.copyOf(closedDates);
    }

    /** The prefecture in Japanese, e.g. 東京都. */
    public String prefectureJa() {
        return Prefectures.japanese(prefecture);
    }

    /** The hours on that date; empty on a closing weekday or a closed date. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        if (closedDates.contains(date)) {
            return Optional.empty();
        }
        return Optional.ofNullable(weeklyHours.get(date.getDayOfWeek()));
    }

    /** The starts of the day's slots, in order; none when the shop is closed. */
    public List<Instant> slotStarts(LocalDate date) {
        return hoursOn(date).map(hours -> hours.slotStarts().stream()
                        .map(time -> date.atTime(time).atZone(Slots.JAPAN).toInstant())
                        .toList())
                .orElse(List.of());
    }

    /**
     * Refuses a visit start that this shop cannot take at {@code now}, whatever the bookings. A slot
     * that has begun is in the past, unless {@code walkInAllowed} and it is still in progress.
     */
    public void checkVisitStart(Instant start, Instant now, int maxDaysAhead, boolean walkInAllowed) {
        if (!Slots.isOnBoundary(start)) {
            throw new Refused(Refusal.NOT_ON_SLOT_BOUNDARY,
                    "Visits start on a 15-minute boundary (e.g. 10:00, 10:15) in Japan time.");
        }
        if (start.isBefore(now) && !(walkInAllowed && Slots.inProgress(start, now))) {
            throw new Refused(Refusal.IN_THE_PAST, "That slot has already begun or passed.");
        }
        LocalDateTime local = Slots.local(start);
        LocalDate lastBookableDay = Slots.local(now).toLocalDate().plusDays(maxDaysAhead);
        if (local.toLocalDate().isAfter(lastBookableDay)) {
            throw new Refused(Refusal.TOO_FAR_AHEAD,
                    "Visits can be booked at most " + maxDaysAhead + " days ahead, up to " + lastBookableDay + ".");
        }
        OpeningHours hours = hoursOn(local.toLocalDate()).orElseThrow(() -> new Refused(Refusal.SHOP_CLOSED,
                name + " is closed on " + local.toLocalDate() + " (" + local.getDayOfWeek() + ")."));
        if (!hours.holdsSlot(local.toLocalTime())) {
            throw new Refused(Refusal.OUTSIDE_OPENING_HOURS, name + " takes visits from " + hours.opens()
                    + " to " + hours.closes() + " on " + local.toLocalDate() + "; the last slot starts "
                    + hours.closes().minus(Slots.LENGTH) + ".");
        }
    }

    /** Closed dates in order, for display. */
    public List<LocalDate> sortedClosedDates() {
        return List.copyOf(new TreeSet<>(closedDates));
    }

    private static Refused invalid(String detail) {
        return new Refused(Refusal.INVALID_SHOP, detail);
    }
}
