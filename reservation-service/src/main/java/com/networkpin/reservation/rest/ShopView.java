package com.networkpin.reservation.rest;

import com.networkpin.reservation.domain.Shop;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shop as clients see it, its name and prefecture in English and in Japanese; weekdays missing from
 * {@code openingHours} are closing days.
 */
public record ShopView(String id, String name, @Schema(examples = "新宿西口店") String nameJa,
                       @Schema(examples = "Tokyo") String prefecture, @Schema(examples = "東京都") String prefectureJa,
                       String address,
                       Map<DayOfWeek, Hours> openingHours, List<LocalDate> closedDates, int counters) {

    /** Named apart from the request's {@code Hours} (LocalTime): one schema name each, not "Hours1". */
    @Schema(name = "HoursView")
    public record Hours(String opens, String closes) {
    }

    static ShopView of(Shop shop) {
        Map<DayOfWeek, Hours> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (shop.weeklyHours().containsKey(day)) {
                hours.put(day, new Hours(shop.weeklyHours().get(day).opens().toString(),
                        shop.weeklyHours().get(day).closes().toString()));
            }
        }
        return new ShopView(shop.id(), shop.name(), shop.nameJa(), shop.prefecture(), shop.prefectureJa(),
                shop.address(), hours,
                shop.sortedClosedDates(), shop.counters());
    }
}
