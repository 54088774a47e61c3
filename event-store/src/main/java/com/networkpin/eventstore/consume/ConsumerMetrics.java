package com.networkpin.eventstore.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumers' figures for operators, the same in every service: events applied, dead-lettered and
 * retried by each consumer. Labels are consumer names only: never a contract or an event id.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(String consumer, int events) {
        Counter.builder("network-pin.consumer.applied").tag("consumer", consumer)
                .description("Events applied for the first time (recorded in the inbox)").register(registry).increment(events);
    }

    void deadLettered(String consumer, int records) {
        Counter.builder("network-pin.consumer.dead.letters").tag("consumer", consumer)
                .description("Records sent to the dead-letter topic").register(registry).increment(records);
    }

    void retried(String consumer) {
        Counter.builder("network-pin.consumer.retries").tag("consumer", consumer)
                .description("Batches retried after a transient failure").register(registry).increment();
    }
}
