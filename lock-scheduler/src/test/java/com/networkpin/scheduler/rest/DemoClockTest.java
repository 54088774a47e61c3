package com.networkpin.scheduler.rest;

import static com.networkpin.scheduler.TestDates.randomFutureDate;
import static com.networkpin.scheduler.Callers.asOperator;
import static org.hamcrest.Matchers.equalTo;

import com.networkpin.events.JapanTime;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class DemoClockTest {

    private final MovableClock clock;

    DemoClockTest(MovableClock clock) {
        this.clock = clock;
    }

    @Test
    void movesTheClockJustPastTheNextMidnightAndPublishesItAtOnce() {
        // 21:30 in Japan on a date of this test's own
        LocalDate date = randomFutureDate();
        clock.moveTo(date.atTime(21, 30).toInstant(ZoneOffset.ofHours(9)));
        LocalDate tomorrow = date.plusDays(1);
        Instant justPast = tomorrow.atTime(LocalTime.of(0, 0, 1)).toInstant(ZoneOffset.ofHours(9));

        asOperator().post("/admin/clock/next-midnight").then().statusCode(200)
                .body("now", equalTo(JapanTime.format(justPast)))
                .body("published.date", equalTo(tomorrow.toString()))
                .body("published.midnight", equalTo(JapanTime.format(justPast.minusSeconds(1))));

        asOperator().get("/midnights/" + tomorrow).then().statusCode(200)
                .body("date", equalTo(tomorrow.toString()));
    }

    @Test
    void givenTheNextMidnightAlreadyPublished_whenTheClockIsBackAtTheRealTime_thenItMovesToTheFollowingOne() {
        LocalDate date = randomFutureDate();
        Instant evening = date.atTime(21, 30).toInstant(ZoneOffset.ofHours(9));
        clock.moveTo(evening);
        asOperator().post("/admin/clock/next-midnight").then().statusCode(200)
                .body("published.date", equalTo(date.plusDays(1).toString()));
        clock.moveTo(evening); // as after a restart of the scheduler

        asOperator().post("/admin/clock/next-midnight").then().statusCode(200)
                .body("published.date", equalTo(date.plusDays(2).toString()));
    }
}
