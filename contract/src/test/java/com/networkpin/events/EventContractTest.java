package com.networkpin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire form of every event: a change to a record that alters its JSON or its schema
 * fails here until the golden files are deliberately rewritten.
 */
class EventContractTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path SCHEMAS = Path.of("schemas");
    private static final ObjectMapper PRETTY = EventJson.mapper().copy()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeJsonMatchesGoldenFile(EventType type) throws IOException {
        String json = PRETTY.writeValueAsString(EventSamples.envelope(type)) + "\n";

        GoldenFiles.assertMatches(GOLDEN.resolve(type.typeName() + ".json"), json);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void publishedSchemaMatchesRecord(EventType type) throws IOException {
        String schema = PRETTY.writeValueAsString(JsonSchemaWriter.schemaOf(type)) + "\n";

        GoldenFiles.assertMatches(SCHEMAS.resolve(type.typeName() + ".schema.json"), schema);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeSurvivesTheWire(EventType type) {
        EventEnvelope<DomainEvent> sent = EventSamples.envelope(type);

        EventEnvelope<DomainEvent> received = EventJson.read(EventJson.write(sent));

        assertEquals(sent, received);
        assertEquals(type.typeName(), received.type());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void cloudEventHeadersNameTheEvent(EventType type) {
        var headers = CloudEventHeaders.of(EventSamples.envelope(type));

        assertEquals("network-pin." + type.typeName(), headers.get(CloudEventHeaders.TYPE));
        assertEquals(EventSamples.envelope(type).subject(), headers.get(CloudEventHeaders.SUBJECT));
        assertEquals("1.0", headers.get(CloudEventHeaders.SPEC_VERSION));
    }

    @Test
    void unreadableMessagesAreRefusedWithATypedException() {
        for (String bad : new String[] {"", "not json", "[]", "{}", "{\"type\":\"Nope\"}",
                "{\"id\":\"x\",\"type\":\"PinSet\",\"subject\":\"C\",\"sequence\":1,"
                        + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"schemaVersion\":1,\"data\":{}}"}) {
            assertThrows(UnreadableEventException.class, () -> EventJson.read(bad), bad);
        }
    }

    @Test
    void theRefusalNamesWhereButNeverEchoesTheInput() {
        String[] bad = {"{\"secret\": 4821x}", "{\"id\":\"4821\",\"type\":\"PinSet\",\"subject\":\"C\","
                + "\"sequence\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"schemaVersion\":1,"
                + "\"data\":{\"contractId\":\"C\",\"setAt\":\"4821\"}}"};
        for (String json : bad) {
            UnreadableEventException refused = assertThrows(UnreadableEventException.class, () -> EventJson.read(json));

            assertFalse(refused.getMessage().contains("4821"), refused.getMessage());
        }
    }

    @Test
    void midnightEventIdIsDerivedFromTheDate() {
        LocalDate date = LocalDate.of(2026, 11, 25);

        assertEquals(MidnightUnlock.eventIdFor(date), MidnightUnlock.eventIdFor(LocalDate.of(2026, 11, 25)));
        assertFalse(MidnightUnlock.eventIdFor(date).equals(MidnightUnlock.eventIdFor(date.plusDays(1))));
    }

    @Test
    void onlyPinChangeAndResetAuthoriseAReset() {
        assertTrue(VisitPurpose.PIN_RESET.authorisesPinReset());
        assertTrue(VisitPurpose.PIN_CHANGE.authorisesPinReset());
        assertFalse(VisitPurpose.OTHER.authorisesPinReset());
    }
}
