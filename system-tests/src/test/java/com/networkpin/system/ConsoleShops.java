package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the browser tests set up through the services' APIs, as the operator: a shop, and where the services' clocks are. */
final class ConsoleShops {

    private static final String RESERVATIONS = StackService.RESERVATION_SERVICE.url();
    /** The round-the-clock shop's names: in English, and on Japanese pages. */
    static final String NAME = "Console Test Shop";
    static final String NAME_JA = "コンソール試験店";

    private ConsoleShops() {
    }

    /** Adds (or keeps) a shop open 00:00–23:45 every day, so that a visit can be booked whenever a test runs. */
    static void openRoundTheClock(String shopId) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("opens", "00:00", "closes", "23:45"));
        }
        Http.Reply put = operator().put(RESERVATIONS + "/shops/" + shopId,
                Map.of("name", NAME, "nameJa", NAME_JA, "prefecture", "Tokyo", "address", "2-8-1 Nishi-Shinjuku, Tokyo",
                        "openingHours", hours, "closedDates", List.of(), "counters", 3));
        assertTrue(put.status() == 200 || put.status() == 201, "operator adds the shop: " + put.rawBody());
    }

    /** A service's demo clock: it moves forward only, so asking for the epoch reads it. */
    static Instant now(StackService service) {
        Http.Reply now = operator().post(service.url() + "/admin/clock", Map.of("now", Instant.EPOCH.toString()));
        assertEquals(200, now.status(), now.rawBody());
        return OffsetDateTime.parse(now.text("now")).toInstant();
    }

    static Http operator() {
        return RunningSystem.as(RunningSystem.actors().operator());
    }
}
