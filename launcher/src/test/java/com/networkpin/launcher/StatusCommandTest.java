package com.networkpin.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private static final String METRICS = """
            # HELP network_pin_pin_verifications_total PIN verifications by outcome and channel
            # TYPE network_pin_pin_verifications_total counter
            network_pin_pin_verifications_total{channel="billing",outcome="verified"} 3.0
            network_pin_pin_verifications_total{channel="my_docomo",outcome="mismatch"} 2.0
            network_pin_outbox_backlog 0.0
            kafka_consumer_fetch_manager_records_lag_max{client_id="a"} NaN
            kafka_consumer_fetch_manager_records_lag_max{client_id="b"} -Inf
            kafka_consumer_fetch_manager_records_lag_max{client_id="c"} 7.0
            """;

    @Test
    void aFigureSumsEverySampleOfItsSeriesAndSkipsTheOnesWithoutAValue() {
        assertEquals(5.0, StatusCommand.sum(METRICS, "network_pin_pin_verifications_total"));
        assertEquals(7.0, StatusCommand.sum(METRICS, "kafka_consumer_fetch_manager_records_lag_max"));
        assertEquals(0.0, StatusCommand.sum(METRICS, "network_pin_outbox_backlog"));
        assertEquals(0.0, StatusCommand.sum(METRICS, "network_pin_outbox_parked"));
    }
}
