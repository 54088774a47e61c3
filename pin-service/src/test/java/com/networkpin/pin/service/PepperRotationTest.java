package com.networkpin.pin.service;

import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.verify;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Topics;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.pin.config.PinConfig;
import com.networkpin.pin.config.SecretsCheck;
import com.networkpin.pin.domain.HmacAesPinSecrets;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.PinStates;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The pepper rotated: PINs stored by a service that had only pepper A (the test profile's
 * {@code dev-1}), with its id or from before peppers had ids, verified by a service with A and B,
 * B active. The right PIN still verifies and is re-hashed with B in the snapshot and the event log;
 * a wrong one still mismatches. A request first answered before the rotation (its digest made with A) is
 * still the same request when retried with its Idempotency-Key.
 */
@QuarkusTest
@TestProfile(PepperRotationTest.PepperBActive.class)
class PepperRotationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PIN = "3816";
    private static final String WRONG = "3817";

    /** Pepper A stays configured (and is the pepper of PINs without id); pepper B is active. */
    public static class PepperBActive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.pin.secrets.peppers.b", "m9Ek0Wl3fZQ0a1HqvK2oS5YjW7nC8dXuT4rP6eBzGhI=",
                    "network-pin.pin.secrets.active-pepper-id", "b",
                    "network-pin.pin.secrets.legacy-pepper-id", "dev-1");
        }
    }

    @Inject
    Pool pool;
    @Inject
    Transactions transactions;
    @Inject
    EventStore eventStore;
    @Inject
    PinStates states;
    @Inject
    PinService pins;
    @Inject
    PinPolicy policy;
    @Inject
    PinConfig config;

    @Test
    void givenAPinHashedWithPepperA_whenPepperBIsActive_thenItVerifiesAndIsRehashedWithB() {
        String contract = newContractId();
        storeAsAServiceWithOnlyPepperA(contract);
        assertEquals("dev-1", snapshotPepperId(contract));

        assertVerifiesAndIsRehashed(contract);
    }

    @Test
    void givenAPinStoredBeforePeppersHadIds_whenPepperBIsActive_thenTheLegacyPepperVerifiesItAndItIsRehashedWithB() {
        String contract = newContractId();
        storeAsAServiceWithOnlyPepperA(contract);
        execute("UPDATE pin_state SET pepper_id = NULL WHERE contract_id = $1", contract);
        execute("UPDATE es_event SET data = data #- '{credential,pepperId}' WHERE stream_id = $1", contract);
        assertNull(snapshotPepperId(contract));

        assertVerifiesAndIsRehashed(contract);
    }

    @Test
    void givenAnAnswerKeptBeforeTheRotation_whenTheRequestIsRetriedWithItsKey_thenTheAnswerIsReplayedNotRefused() {
        String contract = newContractId();
        storeAsAServiceWithOnlyPepperA(contract);
        String key = UUID.randomUUID().toString();
        verifyWithKey(contract, WRONG, key).statusCode(200).body("remainingAttempts", equalTo(2));
        String canonical = IdempotentRequest.canonical(contract, "ONLINE_PROCEDURE", WRONG);
        String digestWithA = onlyPepperA().requestDigests(canonical).get(0);
        String digestWithB = pins.idempotentRequest("any", "verify", key, contract, "ONLINE_PROCEDURE", WRONG).requestHash();
        assertNotEquals(digestWithA, digestWithB);
        // The answer as a service that had only pepper A kept it.
        assertEquals(1L, pool.preparedQuery("UPDATE es_idempotent_answer SET request_hash = $1 WHERE request_hash = $2")
                .execute(Tuple.of(digestWithA, digestWithB)).await().atMost(TIMEOUT).rowCount());

        verifyWithKey(contract, WRONG, key).statusCode(200).header("Idempotency-Replayed", "true")
                .body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(2));
        verifyWithKey(contract, PIN, key).statusCode(422);
        assertEquals(1L, count("SELECT count(*) FROM es_event WHERE stream_id = $1 AND event_type = 'AttemptFailed'",
                contract), "the retry counted nothing");
    }

    private static ValidatableResponse verifyWithKey(String contract, String pin, String key) {
        return asChannel().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("pin", pin, "channel", "ONLINE_PROCEDURE"))
                .when().post("/contracts/{id}/pin/verifications", contract).then();
    }

    private void assertVerifiesAndIsRehashed(String contract) {
        String before = snapshotPepperId(contract);
        verify(contract, WRONG).statusCode(200).body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(2));
        assertEquals(before, snapshotPepperId(contract), "a wrong entry changes no hash");

        verify(contract, PIN).statusCode(200).body("outcome", equalTo("VERIFIED"));

        assertEquals("b", snapshotPepperId(contract));
        List<PinChange> history = pins.history(contract).await().atMost(TIMEOUT);
        assertEquals("b", Pin.replay(contract, history, policy).credential().pepperId(), "the event log has it too");
        List<String> published = TopicReader.withKey(Topics.PIN_EVENTS, contract, TIMEOUT).stream()
                .map(ConsumerRecord::value).toList();
        assertTrue(published.stream().anyMatch(value -> value.contains("AttemptSucceeded")), published.toString());
        assertTrue(published.stream().noneMatch(value -> value.contains("hmac")), "the publications carry no hash");
        verify(contract, PIN).statusCode(200).body("outcome", equalTo("VERIFIED"));
        verify(contract, WRONG).statusCode(200).body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(2));
        assertEquals(1L, count("SELECT count(*) FROM es_event WHERE stream_id = $1 AND data ? 'credential'"
                + " AND event_type = 'AttemptSucceeded'", contract), "re-hashed once");
    }

    /** The PinSet a service configured with pepper A alone would have appended, and its snapshot. */
    private void storeAsAServiceWithOnlyPepperA(String contract) {
        HmacAesPinSecrets onlyA = onlyPepperA();
        Instant now = pins.now();
        List<PinChange> set = Pin.notSet(contract).set(new PinCode(PIN), onlyA, now);
        Pin after = Pin.notSet(contract).applyAll(set, policy);
        transactions.inTransaction(tx -> eventStore.append(tx, contract, 0, PinEventCodec.toNewEvents(set, 0, now))
                .chain(() -> states.save(tx, after))).await().atMost(TIMEOUT);
    }

    /** The secrets of a service configured with pepper A alone. */
    private HmacAesPinSecrets onlyPepperA() {
        PinConfig.Secrets secrets = config.secrets();
        return new HmacAesPinSecrets(
                Map.of("dev-1", SecretsCheck.decode(secrets.peppers().get("dev-1"))), "dev-1", null,
                secrets.encryptionKeys().entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> SecretsCheck.decode(e.getValue()))),
                secrets.activeKeyId().orElseThrow());
    }

    private String snapshotPepperId(String contract) {
        return pool.preparedQuery("SELECT pepper_id FROM pin_state WHERE contract_id = $1").execute(Tuple.of(contract))
                .await().atMost(TIMEOUT).iterator().next().getString(0);
    }

    private long count(String sql, String contract) {
        return pool.preparedQuery(sql).execute(Tuple.of(contract)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private void execute(String sql, String contract) {
        pool.preparedQuery(sql).execute(Tuple.of(contract)).await().atMost(TIMEOUT);
    }
}
