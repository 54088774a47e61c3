package com.networkpin.pin.messaging;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.asAgent;
import static com.networkpin.pin.Callers.sessionOf;
import static com.networkpin.pin.Callers.subjectOf;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.awaitGrants;
import static com.networkpin.pin.TestData.countAllEvents;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.identityVerified;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.publish;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static com.networkpin.pin.TestData.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.Topics;
import com.networkpin.events.VisitPurpose;
import com.networkpin.pin.TestData;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class ShopResetTest {

    /** The shop of every visit here; its staff run the terminal. */
    private static final String SHOP = "tokyo-shinjuku-west";

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @Test
    void givenALineBreakInAReservationNumber_whenTheResetIsLogged_thenTheRestStaysOnTheResetsLogLine()
            throws IOException {
        clock.moveTo(tokyo("2031-05-02T10:00:00"));
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String forged = "12:00:00.000 INFO  [forged] (main) all PINs reset";
        String reservation = "R-" + UUID.randomUUID().toString().substring(0, 8) + "\r\n" + forged;
        identityVerified(contract, reservation, VisitPurpose.PIN_RESET);
        awaitGrants(pool, contract, 1);

        reset(contract, reservation, "3591").statusCode(200);

        String escaped = "reset under reservation " + reservation.replace("\r\n", "\\r\\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> messages().stream().anyMatch(m -> m.contains(escaped)));
        assertTrue(Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().noneMatch(line -> line.startsWith(forged)),
                "no forged line");
        List<String> messages = messages();
        assertTrue(messages.stream().noneMatch(message -> message.startsWith(forged)), "no forged record");
        assertEquals(1, messages.stream().filter(message -> message.contains(escaped)).count());
    }

    /** The service's log file (see application.properties, %test): one JSON record per line, as in prod. */
    private static final Path LOG = Path.of("target/pin-service-test.log");

    /** The messages of the log's records. */
    private static List<String> messages() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            messages.add(json.readTree(line).path("message").asText());
        }
        return messages;
    }

    @Test
    void givenALockedPin_whenTheShopVerifiesIdentity_thenTheTerminalResetsItOnceAndTheLockLifts() {
        clock.moveTo(tokyo("2031-05-01T10:00:00"));
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        for (int i = 0; i < 3; i++) {
            verify(contract, "1357");
        }
        String reservation = "R-" + UUID.randomUUID();

        reset(contract, reservation, "3591").statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("GRANT_NOT_RECEIVED")).body("retryable", equalTo(true))
                .header("Retry-After", equalTo("5"));

        identityVerified(contract, reservation, VisitPurpose.PIN_RESET);
        awaitGrants(pool, contract, 1);
        long before = countAllEvents(pool);
        reset(contract, reservation, "9876").statusCode(422).body("reason", equalTo("DESCENDING_RUN"));
        assertEquals(before, countAllEvents(pool), "a weak new PIN changes nothing and leaves the grant unused");

        String staff = tokens().shopStaff(SHOP);
        as(staff).contentType("application/json").body(Map.of("reservationNumber", reservation, "newPin", "３５９１"))
                .when().post("/contracts/{id}/pin/reset", contract).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("consecutiveFailures", equalTo(0));
        verify(contract, "3591").body("outcome", equalTo("VERIFIED"));
        verify(contract, "4827").body("outcome", equalTo("MISMATCH"));
        asAgent().get("/contracts/{id}/pin/history", contract).then()
                .body("find { it.type == 'Unlocked' }.data.reason", equalTo("RESET"))
                .body("find { it.type == 'PinReset' }.data.reservationNumber", equalTo(reservation))
                .body("find { it.type == 'PinReset' }.data.staffId", equalTo(subjectOf(staff)))
                .body("find { it.type == 'PinReset' }.data.staffSessionId", equalTo(sessionOf(staff)))
                .body("find { it.type == 'PinReset' }.data.document", equalTo("MY_NUMBER_CARD"))
                .body("find { it.type == 'ResetGranted' }.data.shopId", equalTo(SHOP))
                .body("find { it.type == 'ResetGranted' }.data.staffId", equalTo("staff-3"))
                .body("find { it.type == 'ResetGranted' }.data.document", equalTo("MY_NUMBER_CARD"));

        reset(contract, reservation, "2580").statusCode(409).body("reason", equalTo("GRANT_USED"));
        assertEquals(1, countEvents(pool, contract, "PinReset"));
    }

    @Test
    void givenAGrant_whenItsLifetimeHasPassed_thenTheResetIsRefused() {
        clock.moveTo(tokyo("2031-05-02T10:00:00"));
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String reservation = "R-" + UUID.randomUUID();
        TestData.identityVerified(contract, reservation, SHOP, VisitPurpose.PIN_CHANGE, tokyo("2031-05-02T10:00:00"));
        awaitGrants(pool, contract, 1);

        clock.moveTo(tokyo("2031-05-02T12:00:00")); // the grant lives 2 hours from the identity check
        reset(contract, reservation, "3591").statusCode(409).body("reason", equalTo("GRANT_EXPIRED"));
        assertEquals(0, countEvents(pool, contract, "PinReset"));
    }

    @Test
    void givenAnIdentityCheckForAnotherPurpose_thenNoGrantAndARedeliveryGrantsNothingTwice() {
        clock.moveTo(tokyo("2031-05-03T10:00:00"));
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String other = "R-" + UUID.randomUUID();
        String pinChange = "R-" + UUID.randomUUID();

        identityVerified(contract, other, VisitPurpose.OTHER);
        EventEnvelope<IdentityVerified> granted = identityVerified(contract, pinChange, VisitPurpose.PIN_CHANGE);
        publish(Topics.RESERVATION_EVENTS, contract, granted); // redelivery
        identityVerified(contract, "R-" + UUID.randomUUID(), VisitPurpose.PIN_RESET);

        awaitGrants(pool, contract, 2);
        reset(contract, other, "3591").statusCode(409).body("reason", equalTo("GRANT_NOT_RECEIVED"));
    }

    private EventEnvelope<IdentityVerified> identityVerified(String contract, String reservation, VisitPurpose purpose) {
        return TestData.identityVerified(contract, reservation, SHOP, purpose, clock.instant());
    }

    private static ValidatableResponse reset(String contract, String reservation, String newPin) {
        return TestData.reset(SHOP, contract, reservation, newPin);
    }
}
