package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.agentToken;
import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.asContracting;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.countAllEvents;
import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networkpin.eventstore.idempotency.IdempotencyPurge;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Idempotency-Key of the PIN's state-changing calls: replay, reuse, scope, refusals, retention. */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class IdempotencyKeyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;
    @Inject
    IdempotencyPurge purge;

    @Test
    void givenAWrongEntrySentThreeTimesWithOneKey_thenOneAttemptFailedAndTheRetriesReplayItsAnswer() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String key = UUID.randomUUID().toString();

        verify("channel-gateway", key, contract, "1357").statusCode(200)
                .header("Idempotency-Replayed", nullValue())
                .body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(2));
        long events = countAllEvents(pool);
        for (int i = 0; i < 2; i++) {
            verify("channel-gateway", key, contract, "1357").statusCode(200)
                    .header("Idempotency-Replayed", equalTo("true"))
                    .body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(2));
        }

        assertEquals(1, countEvents(pool, contract, "AttemptFailed"));
        assertEquals(events, countAllEvents(pool), "a replay writes no event");
        verify("channel-gateway", UUID.randomUUID().toString(), contract, "1357").body("remainingAttempts", equalTo(1));
    }

    @Test
    void givenAKeySentAgainWithAnotherPin_thenUnprocessableAndNothingWritten() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String key = UUID.randomUUID().toString();
        verify("channel-gateway", key, contract, "1357").statusCode(200);
        long events = countAllEvents(pool);

        verify("channel-gateway", key, contract, "4827").statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("/problems/idempotency-key-reused"));
        verify("channel-gateway", key, newContractId(), "1357").statusCode(422);

        assertEquals(events, countAllEvents(pool));
    }

    @Test
    void givenTwoGatewaysUsingTheSameKey_thenEachGetsItsOwnDecision() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String key = "order-1";

        verify("channel-gateway", key, contract, "1357").body("remainingAttempts", equalTo(2));
        verify("billing-gateway", key, contract, "1357").header("Idempotency-Replayed", nullValue())
                .body("remainingAttempts", equalTo(1));

        assertEquals(2, countEvents(pool, contract, "AttemptFailed"));
    }

    @Test
    void givenTheFirstPutsAnswerLost_whenRetriedWithItsKey_thenItsCreatedAgainNotAConflict() {
        String contract = newContractId();
        String key = UUID.randomUUID().toString();
        put(key, contract).statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/contracts/" + contract + "/pin"));

        put(key, contract).statusCode(201).header("Idempotency-Replayed", equalTo("true")).body("status", equalTo("ACTIVE"));
        put(UUID.randomUUID().toString(), contract).statusCode(409).body("reason", equalTo("PIN_ALREADY_SET"));
        assertEquals(1, countEvents(pool, contract, "PinSet"));
    }

    @Test
    void givenAFinalRefusal_thenItIsKeptForTheKeyAndARetryGetsItEvenOnceTheStateChanged() {
        String contract = newContractId();
        String key = UUID.randomUUID().toString();
        verify("channel-gateway", key, contract, "1357").statusCode(404).body("reason", equalTo("PIN_NOT_SET"));
        setPin(contract, "4827").statusCode(201);

        verify("channel-gateway", key, contract, "1357").statusCode(404)
                .header("Idempotency-Replayed", equalTo("true")).body("reason", equalTo("PIN_NOT_SET"));
        assertEquals(0, countEvents(pool, contract, "AttemptFailed"));
    }

    @Test
    void givenADisclosureRetried_thenTheSamePinWithoutASecondDisclosureAndNoPinKeptInClear() {
        clock.moveTo(tokyo("2031-07-01T10:00:00"));
        String contract = newContractId();
        setPin(contract, "5294").statusCode(201);
        String key = UUID.randomUUID().toString();

        String first = disclose(key, contract).statusCode(200).header("Idempotency-Replayed", nullValue())
                .body("pin", equalTo("5294")).extract().body().asString();
        String again = disclose(key, contract).statusCode(200).header("Idempotency-Replayed", equalTo("true"))
                .header("Cache-Control", "no-store").extract().body().asString();

        assertEquals(first, again);
        assertEquals(1, countEvents(pool, contract, "PinDisclosed"));
        String kept = pool.preparedQuery("SELECT body FROM es_idempotent_answer WHERE idempotency_key = $1")
                .execute(Tuple.of(key)).await().atMost(TIMEOUT).iterator().next().getString(0);
        assertFalse(kept.contains("5294"), kept);
    }

    @Test
    void givenMalformedKeys_thenBadRequestAndNothingWritten() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        long events = countAllEvents(pool);

        verify("channel-gateway", "\"\"", contract, "1357").statusCode(400)
                .body("type", equalTo("/problems/idempotency-key-invalid"));
        verify("channel-gateway", "x".repeat(256), contract, "1357").statusCode(400);
        verify("channel-gateway", "a b", contract, "1357").statusCode(400);

        assertEquals(events, countAllEvents(pool));
    }

    @Test
    void givenAnswersOlderThanTheRetention_thenThePurgeForgetsThemAndTheKeyDecidesAnew() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String key = UUID.randomUUID().toString();
        verify("channel-gateway", key, contract, "1357").body("remainingAttempts", equalTo(2));

        clock.advance(Duration.ofHours(23));
        purge.purge().await().atMost(TIMEOUT);
        verify("channel-gateway", key, contract, "1357").header("Idempotency-Replayed", equalTo("true"));
        clock.advance(Duration.ofHours(2));
        assertEquals(true, purge.purge().await().atMost(TIMEOUT) >= 1);

        verify("channel-gateway", key, contract, "1357").header("Idempotency-Replayed", nullValue())
                .body("remainingAttempts", equalTo(1));
    }

    static ValidatableResponse verify(String client, String key, String contract, String pin) {
        String channel = client.equals("billing-gateway") ? "BILLING" : "ONLINE_PROCEDURE";
        return as(tokens().client(client)).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("pin", pin, "channel", channel))
                .when().post("/contracts/{id}/pin/verifications", contract).then();
    }

    private static ValidatableResponse put(String key, String contract) {
        return asContracting().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("pin", "4827")).when().put("/contracts/{id}/pin", contract).then();
    }

    private static ValidatableResponse disclose(String key, String contract) {
        return as(agentToken()).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("identityCheck", "SMS_CODE_TO_CONTRACT_LINE", "identityCheckRef", "CASE-9")).when().post("/contracts/{id}/pin/disclosures", contract).then();
    }
}
