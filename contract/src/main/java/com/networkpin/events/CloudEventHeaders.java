package com.networkpin.events;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka binary-mode headers for an envelope, so any consumer can route by
 * {@code ce_type} without parsing the value. The value stays the whole envelope as JSON.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    /**
     * Where the published schemas are named: each schema's absolute {@code $id} and the events'
     * {@code ce_dataschema} are this and {@code <type>.schema.json}. An identifier under a reserved
     * domain (RFC 2606): stable, never fetched; consumers map it to {@code contract/schemas/}.
     */
    public static final String SCHEMA_BASE = "https://network-pin.example/schemas/";

    private static final String SOURCE_PREFIX = "/network-pin/";
    private static final String TYPE_PREFIX = "network-pin.";

    private CloudEventHeaders() {
    }

    /** The {@code ce_source} of an event type: the service that owns its topic, e.g. {@code /network-pin/lock-scheduler}. */
    public static String sourceOf(EventType type) {
        return SOURCE_PREFIX + Topics.owner(type.topic());
    }

    /** The {@code ce_type} of an event type, e.g. {@code network-pin.Locked}. */
    public static String typeOf(EventType type) {
        return TYPE_PREFIX + type.typeName();
    }

    public static Map<String, String> of(EventEnvelope<?> envelope) {
        EventType type = EventType.byTypeName(envelope.type()).orElseThrow();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, envelope.id().toString());
        headers.put(SOURCE, sourceOf(type));
        headers.put(TYPE, typeOf(type));
        headers.put(SUBJECT, envelope.subject());
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(envelope.occurredAt()));
        headers.put(DATA_SCHEMA, type.dataSchema().toString());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
