package com.networkpin.pin.service;

import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.verify;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.testinfra.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus reads at /q/metrics after a few verifications that lock a PIN. */
@QuarkusTest
class PinMetricsTest {

    @Test
    void verificationsLocksAndTheOutboxAreCountedWithoutAContractInAnyLabel() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        Metrics before = Metrics.scrape();

        verify(contract, "4827").statusCode(200);
        verify(contract, "1357").statusCode(200);
        verify(contract, "1357").statusCode(200);
        verify(contract, "1357").statusCode(200); // the third wrong entry locks it
        verify(contract, "4827").statusCode(200); // refused while locked

        Metrics after = Metrics.scrape();
        assertEquals(1, after.since(before, "network_pin_pin_verifications_total{channel=\"online_procedure\",outcome=\"verified\"}"));
        assertEquals(2, after.since(before, "network_pin_pin_verifications_total{channel=\"online_procedure\",outcome=\"mismatch\"}"));
        assertEquals(1, after.since(before, "network_pin_pin_verifications_total{channel=\"online_procedure\",outcome=\"locked\"}"));
        assertEquals(1, after.since(before, "network_pin_pin_verifications_total{channel=\"online_procedure\",outcome=\"refused\"}"));
        assertEquals(1, after.since(before, "network_pin_pin_locks_total"));
        assertTrue(after.since(before, "network_pin_pin_command_seconds_count{command=\"verify\"}") >= 5);
        assertTrue(after.has("network_pin_outbox_backlog"), "the outbox backlog gauge");
        assertTrue(after.has("network_pin_outbox_oldest_unsent_age_seconds"), "the outbox age gauge");
        await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.scrape().since(before,
                "network_pin_outbox_sent_total{topic=\"pin-events\"}") >= 6);
        assertFalse(after.text().contains(contract), "no contract id in any label");
    }
}
