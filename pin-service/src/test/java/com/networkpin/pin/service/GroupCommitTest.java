package com.networkpin.pin.service;

import static com.networkpin.pin.TestData.countEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.events.Channel;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.VerificationResult;
import com.networkpin.testinfra.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Verifications that share one transaction decide exactly as if each had its own. */
@QuarkusTest
class GroupCommitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final PinCode RIGHT = new PinCode("4827");
    private static final PinCode WRONG = new PinCode("1357");
    private static final String GATEWAY = "channel-gateway";

    @Inject
    PinService pins;

    @Inject
    Pool pool;

    @Test
    void givenThirtyWrongEntriesOfOneContractInFlightAtOnce_thenTheyShareTransactionsAndExactlyThreeFailThenItLocks() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        Metrics before = Metrics.scrape();

        List<VerificationResult> results = allAtOnce(30, i -> pins.verify(contract, WRONG, Channel.D_PAYMENT, GATEWAY));

        Map<String, Long> outcomes = results.stream()
                .collect(Collectors.groupingBy(result -> result.outcome().name(), Collectors.counting()));
        assertEquals(Map.of("MISMATCH", 2L, "LOCKED", 28L), outcomes);
        assertEquals(3, countEvents(pool, contract, "AttemptFailed"));
        assertEquals(1, countEvents(pool, contract, "Locked"));
        assertEquals(27, countEvents(pool, contract, "AttemptRefused"), "every entry after the lock, unread");
        Metrics after = Metrics.scrape();
        double batches = after.since(before, "network_pin_pin_group_commit_batch_count");
        double verifications = after.since(before, "network_pin_pin_group_commit_batch_sum");
        assertEquals(30, verifications, "every verification went through a shared transaction");
        assertTrue(batches < 30, "some shared a transaction: " + batches + " transactions for 30 verifications");
    }

    @Test
    void givenManyContractsVerifiedAtOnce_thenEachGetsItsOwnAnswer() {
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String contract = newContractId();
            setPin(contract, "4827").statusCode(201);
            contracts.add(contract);
        }

        // Even-numbered contracts get the right PIN, odd ones a wrong one.
        List<VerificationResult> results = allAtOnce(contracts.size(),
                i -> pins.verify(contracts.get(i), i % 2 == 0 ? RIGHT : WRONG, Channel.MY_DOCOMO, GATEWAY));

        for (int i = 0; i < contracts.size(); i++) {
            String expected = i % 2 == 0 ? "VERIFIED" : "MISMATCH";
            assertEquals(expected, results.get(i).outcome().name(), "contract " + i);
            assertEquals(i % 2 == 0 ? 1 : 0, countEvents(pool, contracts.get(i), "AttemptSucceeded"));
            assertEquals(i % 2 == 0 ? 0 : 1, countEvents(pool, contracts.get(i), "AttemptFailed"));
        }
    }

    @Test
    void givenASnapshotBehindItsStream_thenTheBatchReplaysTheStreamAndDecidesOnIt() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        pins.verify(contract, WRONG, Channel.D_PAYMENT, GATEWAY).await().atMost(TIMEOUT);
        pins.verify(contract, WRONG, Channel.D_PAYMENT, GATEWAY).await().atMost(TIMEOUT);
        // The snapshot forgets the two failures (as if written by an older version): the stream still has them.
        pool.preparedQuery("UPDATE pin_state SET version = 1, consecutive_failures = 0 WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().atMost(TIMEOUT);

        VerificationResult third = pins.verify(contract, WRONG, Channel.D_PAYMENT, GATEWAY).await().atMost(TIMEOUT);

        assertEquals("LOCKED", third.outcome().name(), "the third failure in the stream locks it");
        assertEquals(1, countEvents(pool, contract, "Locked"));
        long snapshotVersion = pool.preparedQuery("SELECT version FROM pin_state WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().atMost(TIMEOUT).iterator().next().getLong(0);
        assertEquals(5, snapshotVersion, "PinSet, three AttemptFailed and Locked");
    }

    @Test
    void givenAContractWithoutAPin_thenOnlyItsVerificationIsRefusedAndTheOthersInItsBatchCommit() {
        String withPin = newContractId();
        setPin(withPin, "4827").statusCode(201);
        String withoutPin = newContractId();

        List<Uni<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String contract = i % 2 == 0 ? withPin : withoutPin;
            outcomes.add(pins.verify(contract, RIGHT, Channel.MY_DOCOMO, GATEWAY)
                    .map(result -> result.outcome().name())
                    .onFailure().recoverWithItem(failure -> failure.getClass().getSimpleName()));
        }
        List<String> seen = Uni.join().all(outcomes).andFailFast().await().atMost(TIMEOUT);

        assertEquals(List.of("VERIFIED", "PinRefused", "VERIFIED", "PinRefused", "VERIFIED", "PinRefused", "VERIFIED",
                "PinRefused", "VERIFIED", "PinRefused"), seen);
        assertEquals(5, countEvents(pool, withPin, "AttemptSucceeded"));
        assertEquals(0, countEvents(pool, withoutPin, "AttemptSucceeded") + countEvents(pool, withoutPin, "AttemptFailed"));
    }

    /** Subscribes to every verification before any answers, so that they queue up behind each other. */
    private static List<VerificationResult> allAtOnce(int count, Function<Integer, Uni<VerificationResult>> verification) {
        List<Uni<VerificationResult>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(verification.apply(i));
        }
        return Uni.join().all(all).andFailFast().await().atMost(TIMEOUT);
    }
}
