package com.networkpin.reservation.rest;

import static com.networkpin.reservation.Api.PROBLEM_JSON;
import static com.networkpin.reservation.Callers.asOperator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.networkpin.reservation.Api;
import com.networkpin.reservation.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShopApiTest {

    @Inject
    Clock clock;

    @Test
    void listsTheSeededShopsOfAPrefecture() {
        given().get("/shops?prefecture=osaka").then().statusCode(200)
                .body("prefecture", everyItem(equalTo("Osaka")))
                .body("id", hasItems("osaka-umeda", "osaka-namba"));
        given().get("/shops").then().statusCode(200)
                .body("prefecture", hasItems("Tokyo", "Osaka", "Hokkaido", "Fukuoka", "Aichi"))
                .body("size()", greaterThanOrEqualTo(8));
        given().get("/shops/tokyo-shinjuku-west").then().statusCode(200)
                .body("name", equalTo("Shinjuku West Exit Shop")).body("nameJa", equalTo("新宿西口店"))
                .body("prefecture", equalTo("Tokyo")).body("prefectureJa", equalTo("東京都"));
        given().get("/shops?prefecture=大阪府").then().statusCode(200)
                .body("prefectureJa", everyItem(equalTo("大阪府")))
                .body("nameJa", hasItems("梅田店", "なんば店"));
        given().get("/shops/hokkaido-sapporo-odori").then().statusCode(200)
                .body("openingHours.MONDAY.opens", equalTo("10:00"))
                .body("openingHours.WEDNESDAY", nullValue()) // closed on Wednesdays
                .body("counters", equalTo(2));
    }

    @Test
    void refusesAnUnknownPrefecture() {
        given().get("/shops?prefecture=Narnia").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/unknown-prefecture"));
    }

    @Test
    void givesTheDaysFifteenMinuteSlotsWithRemainingCounters() {
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 2);
        Api.booked(Callers.asStaff(shop), Api.freshContract(), shop, Api.at(date, "10:15"), "PIN_RESET");

        given().get("/shops/" + shop + "/slots?date=" + date).then().statusCode(200)
                .body("open", equalTo(true))
                .body("slots", hasSize(36))
                .body("slots[0].start", equalTo(Api.at(date, "10:00")))
                .body("slots[0].end", equalTo(Api.at(date, "10:15")))
                .body("slots[0].remaining", equalTo(2))
                .body("slots[1].remaining", equalTo(1))
                .body("slots[1].bookable", equalTo(true))
                .body("slots[35].start", equalTo(Api.at(date, "18:45")));
    }

    @Test
    void aClosedDayHasNoSlotsAndPastSlotsAreNotBookable() {
        LocalDate date = Api.japanDate(clock, 2);
        String shop = Api.freshShop(2, date.getDayOfWeek());
        given().get("/shops/" + shop + "/slots?date=" + date).then().statusCode(200)
                .body("open", equalTo(false)).body("slots", hasSize(0));
        String everyDay = Api.freshShop(2);
        given().get("/shops/" + everyDay + "/slots?date=" + Api.japanDate(clock, -1)).then().statusCode(200)
                .body("slots.bookable", everyItem(equalTo(false)));
    }

    @Test
    void refusesAMalformedDateAndAnUnknownShop() {
        given().get("/shops/tokyo-shinjuku-west/slots?date=25-12-2026").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/invalid-date"));
        given().get("/shops/tokyo-shinjuku-west/slots").then().statusCode(400).contentType(PROBLEM_JSON);
        given().get("/shops/no-such-shop/slots?date=2026-12-01").then().statusCode(404)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/shop-not-found"));
    }

    @Test
    void anOperatorAddsThenEditsAShop() {
        String id = "fukuoka-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> shop = Map.of("name", "Hakata Station Shop", "nameJa", "博多駅店", "prefecture", "fukuoka",
                "address", "1-1 Hakataeki-Chuogai, Hakata-ku, Fukuoka 812-0012",
                "openingHours", Map.of("MONDAY", Map.of("opens", "10:00", "closes", "18:00"),
                        "SATURDAY", Map.of("opens", "11:00", "closes", "17:00")),
                "closedDates", List.of("2027-01-01"), "counters", 2);
        asOperator().contentType(ContentType.JSON).body(shop).put("/shops/" + id).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/shops/" + id))
                .body("prefecture", equalTo("Fukuoka")).body("prefectureJa", equalTo("福岡県"))
                .body("nameJa", equalTo("博多駅店"));

        Map<String, Object> edited = new java.util.HashMap<>(shop);
        edited.put("counters", 3);
        asOperator().contentType(ContentType.JSON).body(edited).put("/shops/" + id).then().statusCode(200);
        given().get("/shops/" + id).then().statusCode(200)
                .body("counters", equalTo(3))
                .body("nameJa", equalTo("博多駅店"))
                .body("openingHours.SATURDAY.opens", equalTo("11:00"))
                .body("openingHours.SUNDAY", nullValue())
                .body("closedDates", equalTo(List.of("2027-01-01")));
    }

    @Test
    void aShopAddedWithoutAJapaneseNameIsShownUnderItsEnglishNameAndABlankOneIsRefused() {
        String id = Api.freshShopId();
        asOperator().contentType(ContentType.JSON).body(Api.shopDefinition(id, 1)).put("/shops/" + id).then()
                .statusCode(201).body("nameJa", equalTo("Test Shop " + id));

        for (String blank : List.of("", "   ")) {
            String refused = Api.freshShopId();
            Map<String, Object> shop = new java.util.HashMap<>(Api.shopDefinition(refused, 1));
            shop.put("nameJa", blank);
            asOperator().contentType(ContentType.JSON).body(shop).put("/shops/" + refused).then()
                    .statusCode(400).contentType(PROBLEM_JSON);
            given().get("/shops/" + refused).then().statusCode(404);
        }
        Map<String, Object> tooLong = new java.util.HashMap<>(Api.shopDefinition(id, 1));
        tooLong.put("nameJa", "店".repeat(201));
        asOperator().contentType(ContentType.JSON).body(tooLong).put("/shops/" + id).then()
                .statusCode(400).contentType(PROBLEM_JSON);
        given().get("/shops/" + id).then().statusCode(200).body("nameJa", equalTo("Test Shop " + id));
    }

    @Test
    void aClosedDateTheOperatorSetsClosesTheShopForFindersAndBookings() {
        LocalDate closed = Api.japanDate(clock, 4);
        String id = Api.freshShopId();
        Map<String, Object> shop = new java.util.HashMap<>(Api.shopDefinition(id, 1));
        shop.put("closedDates", List.of(closed.toString()));
        asOperator().contentType(ContentType.JSON).body(shop).put("/shops/" + id).then().statusCode(201);

        given().get("/shops/" + id + "/slots?date=" + closed).then().statusCode(200).body("open", equalTo(false));
        // the booking reads the shop in its own transaction, in SQL: the same closed date
        Api.book(UUID.randomUUID().toString(), Api.freshContract(), id, Api.at(closed, "11:00"), "PIN_RESET")
                .statusCode(422).contentType(PROBLEM_JSON).body("type", equalTo("/problems/shop-closed"));
        Api.booked(Api.freshContract(), id, Api.at(closed.plusDays(1), "11:00"), "PIN_RESET");
    }

    @Test
    void refusesAnInvalidShopAndStoresNothing() {
        String id = "tokyo-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> hours = Map.of(DayOfWeek.MONDAY.name(), Map.of("opens", "19:00", "closes", "10:00"));
        Map<String, Object> backwards = Map.of("name", "X", "prefecture", "Tokyo", "address", "Y",
                "openingHours", hours, "counters", 2);
        asOperator().contentType(ContentType.JSON).body(backwards).put("/shops/" + id).then().statusCode(422)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/invalid-shop"));

        Map<String, Object> noCounters = Map.of("name", "X", "prefecture", "Tokyo", "address", "Y",
                "openingHours", Map.of("MONDAY", Map.of("opens", "10:00", "closes", "19:00")), "counters", 0);
        asOperator().contentType(ContentType.JSON).body(noCounters).put("/shops/" + id).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", equalTo("/problems/validation"));

        Map<String, Object> badDay = Map.of("name", "X", "prefecture", "Tokyo", "address", "Y",
                "openingHours", Map.of("FUNDAY", Map.of("opens", "10:00", "closes", "19:00")), "counters", 2);
        asOperator().contentType(ContentType.JSON).body(badDay).put("/shops/" + id).then().statusCode(400)
                .contentType(PROBLEM_JSON);

        given().get("/shops/" + id).then().statusCode(404);
    }
}
