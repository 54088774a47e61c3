package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.Callers.asAgent;
import static com.networkpin.pin.TestData.lockedAt;
import static com.networkpin.pin.TestData.verify;
import static org.hamcrest.Matchers.equalTo;

import com.networkpin.events.JapanTime;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.AnotherZone;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The zone is the system's one setting {@code network-pin.zone}: set to another zone, a lock lifts at
 * that zone's midnight, named by the MidnightUnlock of that zone's date. The lock-scheduler's
 * {@code ZoneSettingTest} publishes the same date at the same instant with the same setting.
 */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
@TestProfile(AnotherZone.class)
class ZoneSettingTest {

    static final ZoneId ZONE = AnotherZone.ZONE;

    @Inject
    MovableClock clock;

    @Test
    void givenAnotherZone_whenAPinLocks_thenItLiftsAtThatZonesMidnightAsByThatDatesMidnightUnlock() {
        String contract = lockedAt(clock, LocalDateTime.parse("2032-03-03T23:00:00").atZone(ZONE).toInstant());
        String midnight = JapanTime.format(LocalDate.of(2032, 3, 4).atStartOfDay(ZONE).toInstant(), ZONE);

        asChannel().get("/contracts/{id}/pin", contract).then().body("status", equalTo("LOCKED"))
                .body("unlocksAt", equalTo(midnight));

        clock.moveTo(LocalDate.of(2032, 3, 4).atStartOfDay(ZONE).toInstant());
        verify(contract, "4827").body("outcome", equalTo("VERIFIED"));
        asAgent().get("/contracts/{id}/pin/history", contract).then()
                .body("find { it.type == 'Unlocked' }.data.causeEventId",
                        equalTo(MidnightUnlock.eventIdFor(LocalDate.of(2032, 3, 4)).toString()));
    }
}
