package com.networkpin.eventstore.outbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The relay producer is acks=all and idempotent, and a configuration that says otherwise stops the start. */
class RelayDeliverySettingsTest {

    private static final Map<String, Object> APPLICATION = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
            "security.protocol", "SASL_PLAINTEXT", "not-a-producer-setting", "x");

    @Test
    void givenTheApplicationsKafkaSettings_whenTheRelayProducerIsConfigured_thenItIsAcksAllAndIdempotent() {
        Map<String, Object> config = RelayDeliverySettings.of(APPLICATION);

        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("SASL_PLAINTEXT", config.get("security.protocol"));
        assertTrue(!config.containsKey("not-a-producer-setting"));
    }

    @Test
    void givenAcksOne_whenTheRelayProducerIsConfigured_thenTheStartIsRefusedNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RelayDeliverySettings.of(with(ProducerConfig.ACKS_CONFIG, "1")));

        assertTrue(refused.getMessage().contains("needs acks=all") && refused.getMessage().contains("kafka.acks=1"),
                refused.getMessage());
    }

    @Test
    void givenIdempotenceOff_whenTheRelayProducerIsConfigured_thenTheStartIsRefusedNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RelayDeliverySettings.of(with(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false")));

        assertTrue(refused.getMessage().contains("enable.idempotence=true"), refused.getMessage());
    }

    @Test
    void givenAcksMinusOne_whenTheRelayProducerIsConfigured_thenItIsAcceptedAsAll() {
        assertDoesNotThrow(() -> RelayDeliverySettings.of(with(ProducerConfig.ACKS_CONFIG, "-1")));
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> config = new HashMap<>(APPLICATION);
        config.put(key, value);
        return config;
    }
}
