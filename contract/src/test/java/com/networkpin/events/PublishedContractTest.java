package com.networkpin.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The published contract read as a Kafka consumer team would, with third-party tools: networknt's
 * JSON Schema validator loads every schema in {@code schemas/} as published and validates the
 * golden envelopes, and the CloudEvents SDK's Kafka binding parses a record as the outbox relay
 * sends it (the envelope as value, {@link CloudEventHeaders} as UTF-8 headers).
 */
class PublishedContractTest {

    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** A consumer's registry: each published file under the URI it names itself by; nothing fetched. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(PublishedContractTest::publishedSchema));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaLoadsAsPublishedAndNamesItselfByAnAbsoluteUri(EventType type) {
        Schema published = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(read(SCHEMAS.resolve(fileName(type))), InputFormat.JSON);

        assertTrue(type.dataSchema().isAbsolute(), type.dataSchema().toString());
        assertEquals(type.dataSchema().toString(), published.getSchemaNode().get("$id").asString());
        assertEquals(type.dataSchema().toString(), published.getSchemaLocation().getAbsoluteIri().toString());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theGoldenEnvelopeIsValidAgainstItsSchema(EventType type) {
        String golden = read(GOLDEN.resolve(type.typeName() + ".json"));

        assertEquals(List.of(), schemaOf(type.dataSchema()).validate(golden, InputFormat.JSON));
    }

    /** The validator does validate: an envelope of another type, or without data, is refused. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEnvelopeThatBreaksTheSchemaIsRefused(EventType type) {
        String golden = read(GOLDEN.resolve(type.typeName() + ".json"));
        String otherType = golden.replace("\"type\" : \"" + type.typeName() + "\"", "\"type\" : \"Other\"");
        String withoutData = golden.replaceFirst("(?s),\\s*\"data\" : \\{.*\\}\\s*}\\s*$", "\n}");

        List<Error> wrongType = schemaOf(type.dataSchema()).validate(otherType, InputFormat.JSON);
        List<Error> noData = schemaOf(type.dataSchema()).validate(withoutData, InputFormat.JSON);

        assertFalse(wrongType.isEmpty(), otherType);
        assertFalse(noData.isEmpty(), withoutData);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCloudEventsKafkaBindingParsesAProducedRecord(EventType type) {
        EventEnvelope<DomainEvent> envelope = EventSamples.envelope(type);
        byte[] value = EventJson.write(envelope).getBytes(UTF_8);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(type.topic(), 0, 0L, envelope.subject(), value);
        CloudEventHeaders.of(envelope).forEach((name, text) -> record.headers().add(name, text.getBytes(UTF_8)));

        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();

        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals(envelope.id().toString(), event.getId());
        assertEquals("network-pin." + type.typeName(), event.getType());
        assertEquals(URI.create(CloudEventHeaders.sourceOf(type)), event.getSource());
        assertEquals(envelope.subject(), event.getSubject());
        assertEquals(envelope.occurredAt(), event.getTime().toInstant());
        assertEquals("application/json", event.getDataContentType());
        assertEquals(type.dataSchema(), event.getDataSchema());
        assertArrayEquals(value, event.getData().toBytes());
        assertEquals(List.of(), schemaOf(event.getDataSchema()).validate(new String(event.getData().toBytes(), UTF_8),
                InputFormat.JSON), "the data is valid against the schema it names");
    }

    private static Schema schemaOf(URI dataSchema) {
        return REGISTRY.getSchema(SchemaLocation.of(dataSchema.toString()));
    }

    /** The published file a schema URI names, or null (then the validator says it cannot find it). */
    private static String publishedSchema(String uri) {
        return EventType.byTypeName(uri.replace(CloudEventHeaders.SCHEMA_BASE, "").replace(".schema.json", ""))
                .filter(type -> type.dataSchema().toString().equals(uri))
                .map(type -> read(SCHEMAS.resolve(fileName(type))))
                .orElse(null);
    }

    private static String fileName(EventType type) {
        return type.typeName() + ".schema.json";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
