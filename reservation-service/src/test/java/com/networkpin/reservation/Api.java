package com.networkpin.reservation;

import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.asOperator;
import static io.restassured.RestAssured.given;

import com.networkpin.reservation.domain.Slots;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's REST API as the tests call it, with fresh ids so tests never share data. Each call
 * names its caller (see {@link Callers}); bookings and a contract's list default to the contract's
 * customer, the shop finder is public and shops are defined by the operator.
 */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    public static String freshContract() {
        return "C-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A new shop open every day 10:00-19:00 (except {@code closedOn}, if given) with that many counters. */
    public static String freshShop(int counters, java.time.DayOfWeek... closedOn) {
        String id = freshShopId();
        asOperator().contentType(ContentType.JSON)
                .body(shopDefinition(id, counters, closedOn))
                .put("/shops/" + id)
                .then().statusCode(201);
        return id;
    }

    public static String freshShopId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** The body of {@code PUT /shops/{id}}: open every day 10:00-19:00 except {@code closedOn}. */
    public static Map<String, Object> shopDefinition(String id, int counters, java.time.DayOfWeek... closedOn) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            if (!List.of(closedOn).contains(day)) {
                hours.put(day.name(), Map.of("opens", "10:00", "closes", "19:00"));
            }
        }
        return Map.of("name", "Test Shop " + id, "prefecture", "Tokyo", "address", "1-1-1 Test, Tokyo",
                "openingHours", hours, "closedDates", List.of(), "counters", counters);
    }

    /** The instant of a Japan wall-clock time. */
    public static Instant instant(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(Slots.JAPAN).toInstant();
    }

    /** A Japan date counted from the (possibly moved) clock's today. */
    public static LocalDate japanDate(Clock clock, int daysFromToday) {
        return LocalDate.now(clock.withZone(Slots.JAPAN)).plusDays(daysFromToday);
    }

    public static String at(LocalDate date, String time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atTime(LocalTime.parse(time)).atZone(Slots.JAPAN));
    }

    /** Books as the contract's customer. */
    public static ValidatableResponse book(String key, String contract, String shop, String start, String purpose) {
        return book(asCustomer(contract), key, contract, shop, start, purpose);
    }

    public static ValidatableResponse book(RequestSpecification who, String key, String contract, String shop,
                                           String start, String purpose) {
        return who.contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(booking(contract, shop, start, purpose))
                .post("/reservations")
                .then();
    }

    public static Map<String, Object> booking(String contract, String shop, String start, String purpose) {
        return Map.of("contractId", contract, "shopId", shop, "start", start, "purpose", purpose);
    }

    /** Books as the contract's customer and returns the reservation number; the booking must succeed. */
    public static String booked(String contract, String shop, String start, String purpose) {
        return booked(asCustomer(contract), contract, shop, start, purpose);
    }

    public static String booked(RequestSpecification who, String contract, String shop, String start,
                                String purpose) {
        return book(who, UUID.randomUUID().toString(), contract, shop, start, purpose)
                .statusCode(201).extract().path("reservationNumber");
    }

    public static ValidatableResponse get(RequestSpecification who, String number) {
        return who.get("/reservations/" + number).then();
    }

    /** As the contract's customer. */
    public static ValidatableResponse ofContract(String contract) {
        return asCustomer(contract).get("/contracts/" + contract + "/reservations").then();
    }

    public static ValidatableResponse cancel(RequestSpecification who, String number) {
        return who.post("/reservations/" + number + "/cancel").then();
    }

    public static ValidatableResponse reschedule(RequestSpecification who, String number, String start) {
        return who.contentType(ContentType.JSON).body(Map.of("start", start))
                .post("/reservations/" + number + "/reschedule").then();
    }

    /** Shop staff check the customer in; who they are comes from their token. */
    public static ValidatableResponse checkIn(RequestSpecification staff, String number, String document,
                                              boolean original) {
        return staff.contentType(ContentType.JSON)
                .body(Map.of("idDocument", document, "original", original))
                .post("/reservations/" + number + "/check-in").then();
    }

    /** Remaining counters of the slot starting at {@code time} on {@code date}. */
    public static int remaining(String shop, LocalDate date, String time) {
        List<Map<String, Object>> slots = given().get("/shops/" + shop + "/slots?date=" + date)
                .then().statusCode(200).extract().path("slots");
        String start = at(date, time);
        return slots.stream().filter(s -> start.equals(s.get("start"))).findFirst()
                .map(s -> (Integer) s.get("remaining")).orElseThrow(() -> new AssertionError("no slot " + start));
    }
}
