package com.networkpin.pin.service;

import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Channel;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.support.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Verifications sent with an Idempotency-Key through the group commit: duplicates in flight at once,
 * the same key for two contracts at once, and a transaction that fails after deciding.
 */
@QuarkusTest
class IdempotentVerificationsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final PinCode WRONG = new PinCode("1357");

    @Inject
    PinService pins;
    @Inject
    Pool pool;

    @Test
    void givenTwentyDuplicatesInFlightAtOnce_thenOneDecisionAndNineteenReplaysOfIt() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        IdempotentRequest request = request(UUID.randomUUID().toString(), contract);

        List<Uni<Answer>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(pins.verify(contract, WRONG, Channel.D_PAYMENT, "gateway", request));
        }
        List<Answer> answers = Uni.join().all(all).andFailFast().await().atMost(TIMEOUT);

        assertEquals(1, answers.stream().filter(answer -> !answer.replayed()).count(), answers.toString());
        assertEquals(1, answers.stream().map(Answer::body).distinct().count(), "every answer is the first one");
        assertTrue(answers.get(0).body().contains("\"remainingAttempts\":2"), answers.get(0).body());
        assertEquals(1, countEvents(pool, contract, "AttemptFailed"));
    }

    @Test
    void givenOneKeyForTwoContractsAtOnce_thenOneIsDecidedAndTheOtherRefusedAsAReuse() {
        String first = newContractId();
        String second = newContractId();
        setPin(first, "4827").statusCode(201);
        setPin(second, "4827").statusCode(201);
        String key = UUID.randomUUID().toString();

        List<Uni<String>> both = List.of(first, second).stream().map(contract -> pins
                .verify(contract, WRONG, Channel.D_PAYMENT, "gateway", request(key, contract))
                .map(answer -> "decided")
                .onFailure(ProblemException.class).recoverWithItem(failure -> "reused")).toList();
        List<String> seen = Uni.join().all(both).andFailFast().await().atMost(TIMEOUT);

        assertEquals(List.of("decided", "reused"), seen.stream().sorted().toList());
        assertEquals(1, countEvents(pool, first, "AttemptFailed") + countEvents(pool, second, "AttemptFailed"));
    }

    @Test
    void givenTheTransactionFailingAfterTheDecision_thenNothingIsKeptAndTheRetryDecidesOnce() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String key = "crash-" + UUID.randomUUID();
        IdempotentRequest request = request(key, contract);
        failAnswersOf(key);
        try {
            assertThrows(RuntimeException.class,
                    () -> pins.verify(contract, WRONG, Channel.D_PAYMENT, "gateway", request).await().atMost(TIMEOUT));
            assertEquals(0, countEvents(pool, contract, "AttemptFailed"), "the decision rolled back with its answer");
        } finally {
            execute("DROP TRIGGER fail_answer ON es_idempotent_answer");
        }

        Answer retried = pins.verify(contract, WRONG, Channel.D_PAYMENT, "gateway", request).await().atMost(TIMEOUT);
        Answer again = pins.verify(contract, WRONG, Channel.D_PAYMENT, "gateway", request).await().atMost(TIMEOUT);

        assertEquals(false, retried.replayed());
        assertEquals(true, again.replayed());
        assertEquals(1, countEvents(pool, contract, "AttemptFailed"));
    }

    /** A trigger that fails the insert of this key's answer: the crash between deciding and answering. */
    private void failAnswersOf(String key) {
        execute("""
                CREATE OR REPLACE FUNCTION fail_answer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.idempotency_key LIKE 'crash-%' THEN RAISE EXCEPTION 'failed after the decision'; END IF;
                  RETURN NEW;
                END $$""");
        execute("CREATE TRIGGER fail_answer BEFORE INSERT ON es_idempotent_answer FOR EACH ROW EXECUTE FUNCTION fail_answer()");
        assertTrue(key.startsWith("crash-"));
    }

    private void execute(String sql) {
        pool.preparedQuery(sql).execute(Tuple.tuple()).await().atMost(TIMEOUT);
    }

    private IdempotentRequest request(String key, String contract) {
        return pins.idempotentRequest("test-gateway", "verify", key, contract, Channel.D_PAYMENT.name(), WRONG.digits());
    }
}
