package com.networkpin.console;

import com.networkpin.console.Views.Hours;
import com.networkpin.console.Views.Shop;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's shop form, as typed: the reservation-service checks every value (hours on quarter
 * hours, one of the 47 prefectures, dates) and the page shows its refusal with the values kept.
 * A weekday with neither time is a closing day; an empty Japanese name is left to the service, which
 * then shows the English one.
 */
public record ShopForm(String id, String name, String nameJa, String prefecture, String address, String counters,
                       String closedDates, List<Day> days, boolean isNew) {

    public static final String SHOP_ID = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";

    /** One weekday's hours; both empty on a closing day. */
    public record Day(String day, String opens, String closes) {
    }

    public static ShopForm blank() {
        return new ShopForm("", "", "", "", "", "1", "", Arrays.stream(DayOfWeek.values())
                .map(d -> new Day(d.name(), d.getValue() <= 5 ? "10:00" : "", d.getValue() <= 5 ? "19:00" : ""))
                .toList(), true);
    }

    public static ShopForm of(Shop shop) {
        Map<String, Hours> hours = shop.openingHours() == null ? Map.of() : shop.openingHours();
        List<Day> days = Arrays.stream(DayOfWeek.values()).map(d -> {
            Hours h = hours.get(d.name());
            return new Day(d.name(), h == null ? "" : h.opens(), h == null ? "" : h.closes());
        }).toList();
        String closed = shop.closedDates() == null ? ""
                : shop.closedDates().stream().map(Object::toString).collect(Collectors.joining("\n"));
        return new ShopForm(shop.id(), shop.name(), shop.nameJa(), shop.prefecture(), shop.address(),
                Integer.toString(shop.counters()), closed, days, false);
    }

    public static ShopForm of(MultivaluedMap<String, String> form) {
        List<Day> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(new Day(d.name(), field(form, "opens-" + d.name()), field(form, "closes-" + d.name())));
        }
        return new ShopForm(field(form, "id").toLowerCase(java.util.Locale.ROOT), field(form, "name"),
                field(form, "nameJa"), field(form, "prefecture"), field(form, "address"), field(form, "counters"),
                field(form, "closedDates"), days, "true".equals(field(form, "isNew")));
    }

    public boolean hasValidId() {
        return id.matches(SHOP_ID);
    }

    /** The body of the reservation-service's {@code PUT /shops/{id}}. */
    public Map<String, Object> definition() {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (Day day : days) {
            if (!day.opens().isEmpty() || !day.closes().isEmpty()) {
                Map<String, String> h = new LinkedHashMap<>();
                h.put("opens", day.opens().isEmpty() ? null : day.opens());
                h.put("closes", day.closes().isEmpty() ? null : day.closes());
                hours.put(day.day(), h);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (!nameJa.isEmpty()) {
            body.put("nameJa", nameJa); // left out: the service names the shop in Japanese by its English name
        }
        body.put("prefecture", prefecture);
        body.put("address", address);
        body.put("openingHours", hours);
        body.put("closedDates", closedDates.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        body.put("counters", counters.matches("[0-9]{1,4}") ? Integer.valueOf(counters) : null);
        return body;
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
