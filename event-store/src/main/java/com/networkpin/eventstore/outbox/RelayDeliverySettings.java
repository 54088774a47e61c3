package com.networkpin.eventstore.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The relay producer's settings: the application's Kafka settings (address, authentication) with the
 * relay's delivery settings. Every record is acknowledged by all in-sync replicas ({@code acks=all}, which
 * with the topics' {@code min.insync.replicas=2} means at least two copies) and the producer is idempotent
 * (a retried batch is written once, in order). Checked, not assumed: settings that would weaken either are
 * refused, and the service does not start.
 */
final class RelayDeliverySettings {

    private static final List<String> ACKS_ALL = List.of("all", "-1");

    private RelayDeliverySettings() {
    }

    /** The producer's settings; an {@link IllegalStateException} naming the setting when the application weakens delivery. */
    static Map<String, Object> of(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        check(config);
        return config;
    }

    /** acks=all and idempotence; the producer itself refuses settings idempotence cannot work with. */
    static void check(Map<String, Object> config) {
        String acks = String.valueOf(config.get(ProducerConfig.ACKS_CONFIG)).trim().toLowerCase(Locale.ROOT);
        if (!ACKS_ALL.contains(acks)) {
            throw new IllegalStateException("the outbox relay needs acks=all (every in-sync replica acknowledges), "
                    + "but kafka.acks=" + acks + " is configured: an event acknowledged by one broker is lost with it");
        }
        if (!Boolean.parseBoolean(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).trim())) {
            throw new IllegalStateException("the outbox relay needs enable.idempotence=true, but kafka.enable.idempotence="
                    + "false is configured: a retried send could be written twice or out of order");
        }
    }
}
