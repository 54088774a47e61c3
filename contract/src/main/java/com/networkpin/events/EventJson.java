package com.networkpin.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON form of events on the wire. Services use this mapper, not their framework's, so the
 * form is the one pinned by the golden files whatever each service configures for REST.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES) // every record field is required
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer producers may add fields
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + envelope.type(), e);
        }
    }

    /**
     * Reads an envelope; anything that is not a well-formed envelope of a known event type is refused.
     * The refusal's message quotes what it names of the input (a type, a field name) through {@link LogSafe}.
     */
    public static EventEnvelope<DomainEvent> read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (!(node instanceof ObjectNode envelope)) {
                throw new UnreadableEventException("not a JSON object");
            }
            String typeName = text(envelope, "type");
            EventType type = EventType.byTypeName(typeName)
                    .orElseThrow(() -> new UnreadableEventException("unknown event type " + LogSafe.of(typeName)));
            DomainEvent data = readData(type, required(envelope, "data"));
            return new EventEnvelope<>(
                    UUID.fromString(text(envelope, "id")),
                    typeName,
                    text(envelope, "subject"),
                    required(envelope, "sequence").asLong(),
                    Instant.parse(text(envelope, "occurredAt")),
                    required(envelope, "schemaVersion").asInt(),
                    data);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(describe(e));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UnreadableEventException("a field of the envelope has an invalid value");
        }
    }

    /**
     * The record of an event of {@code type} from its JSON, written at this or an older schema version
     * (see {@link EventUpcasts}); members the record does not have are ignored.
     */
    public static DomainEvent readData(EventType type, JsonNode data) throws JsonProcessingException {
        return MAPPER.treeToValue(EventUpcasts.upcast(type, data), type.recordClass());
    }

    /** Where and what kind of error, never the input itself: a bad message could hold anything. */
    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where += " in field " + LogSafe.of(mapping.getPathReference().replaceAll("^.*\\[\"|\"\\]$", ""));
        }
        return e.getClass().getSimpleName() + where;
    }

    private static JsonNode required(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnreadableEventException("missing field " + field);
        }
        return value;
    }

    private static String text(ObjectNode node, String field) {
        return required(node, field).asText();
    }
}
