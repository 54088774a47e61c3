package com.networkpin.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Derives the JSON Schema of an event's envelope from its record, so the published schemas cannot drift. */
final class JsonSchemaWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonSchemaWriter() {
    }

    static ObjectNode schemaOf(EventType type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", type.dataSchema().toString());
        schema.put("title", type.typeName());
        schema.put("description", "Envelope of " + type.typeName() + " on topic " + type.topic()
                + ", schema version " + type.schemaVersion());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.set("id", string("uuid"));
        properties.putObject("type").put("const", type.typeName());
        properties.putObject("subject").put("type", "string");
        properties.putObject("sequence").put("type", "integer").put("minimum", 1);
        properties.set("occurredAt", string("date-time"));
        properties.putObject("schemaVersion").put("const", type.schemaVersion());
        properties.set("data", recordSchema(type.recordClass()));
        required(schema, "id", "type", "subject", "sequence", "occurredAt", "schemaVersion", "data");
        return schema;
    }

    private static ObjectNode recordSchema(Class<?> recordClass) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        RecordComponent[] components = recordClass.getRecordComponents();
        String[] names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            properties.set(names[i], valueSchema(components[i].getType()));
        }
        required(schema, names);
        return schema;
    }

    private static ObjectNode valueSchema(Class<?> type) {
        if (type == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (type == int.class || type == long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (type == Instant.class) {
            return string("date-time");
        }
        if (type == LocalDate.class) {
            return string("date");
        }
        if (type == UUID.class) {
            return string("uuid");
        }
        if (type.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        throw new IllegalArgumentException("no schema mapping for " + type + "; add one here");
    }

    private static ObjectNode string(String format) {
        return JSON.objectNode().put("type", "string").put("format", format);
    }

    private static void required(ObjectNode schema, String... names) {
        ArrayNode required = schema.putArray("required");
        for (String name : names) {
            required.add(name);
        }
        schema.put("additionalProperties", true);
    }
}
