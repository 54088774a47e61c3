package com.networkpin.reservation.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** A day's opening hours: the last slot ends at closing time. */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    private static final int SLOT_SECONDS = (int) Slots.LENGTH.toSeconds();

    public OpeningHours {
        if (opens == null || closes == null) {
            throw new Refused(Refusal.INVALID_SHOP, "Opening hours need both 'opens' and 'closes'.");
        }
        if (!opens.isBefore(closes)) {
            throw new Refused(Refusal.INVALID_SHOP, "A shop must open before it closes.");
        }
        if (!onQuarterHour(opens) || !onQuarterHour(closes)) {
            throw new Refused(Refusal.INVALID_SHOP, "Opening hours must be on 15-minute boundaries.");
        }
    }

    public static OpeningHours of(String opens, String closes) {
        return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Seconds of the day, not LocalTime arithmetic, which would wrap past midnight. */
    public boolean holdsSlot(LocalTime start) {
        int from = start.toSecondOfDay();
        return from >= opens.toSecondOfDay() && from + SLOT_SECONDS <= closes.toSecondOfDay();
    }

    public List<LocalTime> slotStarts() {
        List<LocalTime> starts = new ArrayList<>();
        for (int s = opens.toSecondOfDay(); s + SLOT_SECONDS <= closes.toSecondOfDay(); s += SLOT_SECONDS) {
            starts.add(LocalTime.ofSecondOfDay(s));
        }
        return starts;
    }

    private static boolean onQuarterHour(LocalTime time) {
        return time.getMinute() % Slots.LENGTH.toMinutes() == 0 && time.getSecond() == 0 && time.getNano() == 0;
    }
}
