package com.networkpin.eventstore.store;

import java.time.Instant;
import java.util.UUID;

/** One event as stored: {@code data} is the JSON the owning service wrote, which may hold more than it publishes. */
public record StoredEvent(String streamId, long version, UUID eventId, String type, Instant occurredAt, String data) {
}
