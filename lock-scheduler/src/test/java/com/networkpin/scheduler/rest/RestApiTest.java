package com.networkpin.scheduler.rest;

import static com.networkpin.scheduler.PinEvents.envelope;
import static com.networkpin.scheduler.PinEvents.locked;
import static com.networkpin.scheduler.PinEvents.newContractId;
import static com.networkpin.scheduler.TestDates.japan;
import static com.networkpin.scheduler.TestDates.randomFutureDate;
import static com.networkpin.scheduler.rest.ProblemAssertions.assertProblem;
import static com.networkpin.scheduler.Callers.asOperator;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.JapanTime;
import com.networkpin.scheduler.PinEvents;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class RestApiTest {

    private final MovableClock clock;

    RestApiTest(MovableClock clock) {
        this.clock = clock;
    }

    @Test
    void aProjectedLockIsListedAndReadable() {
        String contract = newContractId();
        Instant midnight = japan(LocalDate.of(1990, 1, 1).plusDays((long) (Math.random() * 3000)), LocalTime.MIDNIGHT);

        PinEvents.publish(contract, List.of(envelope(locked(contract, midnight))));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                asOperator().get("/locks/" + contract).statusCode() == 200);
        asOperator().get("/locks/" + contract).then().statusCode(200)
                .body("contractId", equalTo(contract))
                .body("unlocksAt", equalTo(JapanTime.format(midnight)));
        asOperator().queryParam("size", 100).get("/locks").then().statusCode(200)
                .body("items.contractId", hasItem(contract))
                .body("page", equalTo(0))
                .body("size", equalTo(100));
    }

    @Test
    void theNextMidnightCountsTheLocksItWillLift() {
        LocalDate today = randomFutureDate();
        clock.moveTo(japan(today, LocalTime.NOON));
        Instant nextMidnight = japan(today.plusDays(1), LocalTime.MIDNIGHT);
        int before = asOperator().get("/midnights/next").then().statusCode(200)
                .body("date", equalTo(today.plusDays(1).toString()))
                .body("midnight", equalTo(JapanTime.format(nextMidnight)))
                .extract().path("pendingLocks");
        String contract = newContractId();

        PinEvents.publish(contract, List.of(envelope(locked(contract, nextMidnight))));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                asOperator().get("/locks/" + contract).statusCode() == 200);
        int after = asOperator().get("/midnights/next").then().statusCode(200).extract().path("pendingLocks");
        assertEquals(before + 1, after);
    }

    @Test
    void aPublishedMidnightIsInTheHistory() {
        LocalDate date = randomFutureDate();
        clock.moveTo(japan(date, LocalTime.of(0, 0, 1)));

        await().atMost(Duration.ofSeconds(10)).until(() ->
                asOperator().get("/midnights/" + date).statusCode() == 200); // the scheduler's tick published it

        asOperator().get("/midnights/" + date).then().statusCode(200)
                .body("date", equalTo(date.toString()))
                .body("midnight", equalTo(JapanTime.format(japan(date, LocalTime.MIDNIGHT))))
                .body("unlockedCount", equalTo(0));
        asOperator().queryParam("size", 1).get("/midnights").then().statusCode(200)
                .body("size", equalTo(1))
                .body("items.size()", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=101", "page=abc", "size=1.5", "page=99999999999", "page=1e3"})
    void badPagingIsRefused(String query) {
        assertProblem(asOperator().get("/locks?" + query).then(), 400);
        assertProblem(asOperator().get("/midnights?" + query).then(), 400);
    }

    @Test
    void aContractWithoutLockIsNotFound() {
        assertProblem(asOperator().get("/locks/" + newContractId()).then(), 404)
                .body("type", equalTo("/problems/lock-not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "yesterday", "2025-1-1", "20250101"})
    void aMalformedDateIsRefused(String date) {
        assertProblem(asOperator().get("/midnights/" + date).then(), 400)
                .body("type", equalTo("/problems/invalid-date"));
    }

    @Test
    void aDateWithoutPublishedMidnightIsNotFound() {
        assertProblem(asOperator().get("/midnights/" + randomFutureDate()).then(), 404)
                .body("type", equalTo("/problems/midnight-not-found"));
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefused() {
        assertProblem(asOperator().post("/midnights/next").then(), 405);
        assertProblem(asOperator().delete("/locks").then(), 405);
        assertProblem(asOperator().get("/admin/clock/next-midnight").then(), 405);
        assertProblem(asOperator().get("/locks/a/b").then(), 404);
    }

    @Test
    void anOversizedBodyIsRefused() {
        assertProblem(asOperator().contentType("application/json").body("\"" + "x".repeat(20_000) + "\"")
                .post("/admin/clock/next-midnight").then(), 413);
    }
}
