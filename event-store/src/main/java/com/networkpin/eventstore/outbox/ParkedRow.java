package com.networkpin.eventstore.outbox;

import java.time.Instant;

/**
 * An outbox row the relay parked because Kafka refused it for good; never its payload.
 *
 * @param waiting later rows of the same topic and key held back behind it
 */
public record ParkedRow(long id, String topic, String key, String reason, Instant parkedAt, long waiting) {
}
