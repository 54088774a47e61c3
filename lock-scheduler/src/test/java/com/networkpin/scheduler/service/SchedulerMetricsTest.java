package com.networkpin.scheduler.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.scheduler.PinEvents;
import com.networkpin.testinfra.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchedulerMetricsTest {

    private static final String PENDING = "network_pin_scheduler_pending_locks";

    @Test
    void aNewLockIsCountedAsPendingAndTheConsumerAndMidnightFiguresAreThere() {
        Metrics before = Metrics.scrape();
        String contract = PinEvents.newContractId();

        PinEvents.publish(contract, List.of(PinEvents.envelope(PinEvents.locked(contract, Instant.now().plusSeconds(86_400 * 400)))));

        Metrics after = await().atMost(Duration.ofSeconds(30)).until(Metrics::scrape, m -> m.since(before, PENDING) >= 1);
        assertEquals(1, after.since(before, "network_pin_consumer_applied_total{consumer=\"lock-scheduler\"}"), 0.0);
        assertTrue(after.has("network_pin_scheduler_midnight_overdue_seconds"), "midnight overdue gauge");
        assertTrue(after.has("network_pin_scheduler_next_midnight_due_locks"), "due by the next midnight");
        assertTrue(after.has("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag from the Kafka client");
    }
}
