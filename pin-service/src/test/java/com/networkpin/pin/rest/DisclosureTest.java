package com.networkpin.pin.rest;

import static com.networkpin.pin.TestData.countAllEvents;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DisclosureTest {

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void givenTheMannedChatClosed_whenDisclosing_thenRefusedNamingTheNextOpeningAndNothingAppended() {
        clock.moveTo(tokyo("2031-06-01T08:59:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        long before = countAllEvents(pool);

        disclose(contract).statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("OUTSIDE_MANNED_HOURS"))
                .body("mannedChatOpensAt", equalTo(tokyo("2031-06-01T09:00:00").toString()));
        clock.moveTo(tokyo("2031-06-01T20:00:00"));
        disclose(contract).statusCode(409).body("mannedChatOpensAt", equalTo(tokyo("2031-06-02T09:00:00").toString()));

        assertEquals(before, countAllEvents(pool));
    }

    @Test
    void givenMannedHours_whenDisclosing_thenThePinOnceUncachedUpToTheDailyLimit() {
        clock.moveTo(tokyo("2031-06-01T09:00:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);

        for (int i = 0; i < 3; i++) {
            disclose(contract).statusCode(200)
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .body("pin", equalTo("5294"));
        }
        clock.moveTo(tokyo("2031-06-01T19:59:00"));
        disclose(contract).statusCode(429).contentType("application/problem+json")
                .body("reason", equalTo("DAILY_DISCLOSURE_LIMIT"))
                .header("Retry-After", equalTo(String.valueOf(4 * 3600 + 60))); // until 00:00, rounded up
        assertEquals(3, countEvents(pool, contract, "PinDisclosed"));

        clock.moveTo(tokyo("2031-06-02T09:30:00"));
        disclose(contract).statusCode(200).body("pin", equalTo("5294"));
        given().when().get("/contracts/{id}/pin/history", contract).then()
                .body("[1].type", equalTo("PinDisclosed"))
                .body("[1].data.agentId", equalTo("agent-12"))
                .body("[1].data.identityCheckRef", equalTo("chk-77"))
                .body("[1].data.pin", equalTo(null));
    }

    @Test
    void givenNoPin_whenDisclosing_thenNotFound() {
        clock.moveTo(tokyo("2031-06-01T10:00:00"));
        disclose(newContractId()).statusCode(404).body("reason", equalTo("PIN_NOT_SET"));
    }

    @Test
    void givenALineBreakInTheAgentId_whenTheDisclosureIsLogged_thenTheRestStaysOnTheDisclosuresLogLine() throws IOException {
        clock.moveTo(tokyo("2031-07-01T10:00:00"));
        String contract = newContractId();
        setPin(contract, "6294").statusCode(201);
        String forged = "12:00:00.000 INFO  [forged] (main) all PINs reset";

        disclose(contract, "agent-1\r\n" + forged).statusCode(200);

        String escaped = "PIN of contract " + contract + " disclosed to agent agent-1\\r\\n" + forged;
        await().atMost(Duration.ofSeconds(10)).until(() -> log().stream().anyMatch(line -> line.contains(escaped)));
        List<String> lines = log();
        assertTrue(lines.stream().noneMatch(line -> line.startsWith(forged)), "no forged line");
        assertEquals(1, lines.stream().filter(line -> line.contains(escaped)).count());
    }

    private static ValidatableResponse disclose(String contract) {
        return disclose(contract, "agent-12");
    }

    private static ValidatableResponse disclose(String contract, String agentId) {
        return given().contentType("application/json")
                .body(Map.of("agentId", agentId, "identityCheckRef", "chk-77"))
                .when().post("/contracts/{id}/pin/disclosures", contract).then();
    }

    /** The service's log file (see application.properties, %test). */
    private static List<String> log() throws IOException {
        return Files.readAllLines(Path.of("target/pin-service-test.log"), StandardCharsets.UTF_8);
    }
}
