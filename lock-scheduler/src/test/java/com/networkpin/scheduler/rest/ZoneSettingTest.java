package com.networkpin.scheduler.rest;

import static com.networkpin.scheduler.Callers.asOperator;
import static com.networkpin.scheduler.TestDates.randomFutureDate;
import static org.hamcrest.Matchers.equalTo;

import com.networkpin.events.JapanTime;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.AnotherZone;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The zone is the system's one setting {@code network-pin.zone}: set to another zone, the scheduler
 * publishes that zone's midnights, the very instants the pin-service (its {@code ZoneSettingTest},
 * same setting) gives as a lock's unlock time.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
@TestProfile(AnotherZone.class)
class ZoneSettingTest {

    static final ZoneId ZONE = AnotherZone.ZONE;

    @Inject
    MovableClock clock;

    @Test
    void givenAnotherZone_thenTheNextMidnightIsThatZonesAndItIsPublishedForThatZonesDate() {
        LocalDate date = randomFutureDate();
        clock.moveTo(date.atTime(23, 0).atZone(ZONE).toInstant());
        LocalDate tomorrow = date.plusDays(1);
        String midnight = JapanTime.format(tomorrow.atStartOfDay(ZONE).toInstant(), ZONE);

        asOperator().get("/midnights/next").then().statusCode(200)
                .body("date", equalTo(tomorrow.toString())).body("midnight", equalTo(midnight));
        asOperator().post("/admin/clock/next-midnight").then().statusCode(200)
                .body("published.date", equalTo(tomorrow.toString()))
                .body("published.midnight", equalTo(midnight));
    }
}
