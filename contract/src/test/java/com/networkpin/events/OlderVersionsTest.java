package com.networkpin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Events of schema version 1, as they were published and stored (golden files in {@code golden/v1}), are
 * still read: the fields added since say they were not recorded.
 */
class OlderVersionsTest {

    private static final Path V1 = Path.of("src/test/resources/golden/v1");
    private static final Instant AT = EventSamples.AT;

    @Test
    void aVersion1DisclosureIsReadWithoutSessionOrMethod() throws IOException {
        EventEnvelope<DomainEvent> read = EventJson.read(Files.readString(V1.resolve("PinDisclosed.json")));

        assertEquals(1, read.schemaVersion());
        assertEquals(new PinDisclosed("C-0001", "agent-17", EventUpcasts.NOT_RECORDED, IdentityCheck.NOT_RECORDED,
                "IDC-2026-0042", AT), read.data());
    }

    @Test
    void aVersion1ResetIsReadWithoutStaffSessionOrDocument() throws IOException {
        EventEnvelope<DomainEvent> read = EventJson.read(Files.readString(V1.resolve("PinReset.json")));

        assertEquals(new PinReset("C-0001", "R7K2QX", EventUpcasts.NOT_RECORDED, EventUpcasts.NOT_RECORDED,
                IdDocument.NOT_RECORDED, AT), read.data());
    }

    @Test
    void aVersion1GrantIsReadWithoutDocument() throws IOException {
        EventEnvelope<DomainEvent> read = EventJson.read(Files.readString(V1.resolve("ResetGranted.json")));

        assertEquals(IdDocument.NOT_RECORDED, ((ResetGranted) read.data()).document());
        assertEquals("staff-3", ((ResetGranted) read.data()).staffId());
    }

    @Test
    void storedDataWithoutAVersionIsUpcastTheSameWay() throws IOException {
        var data = EventJson.mapper().readTree("{\"contractId\":\"C-0001\",\"agentId\":\"agent-17\","
                + "\"identityCheckRef\":\"IDC-1\",\"disclosedAt\":\"2026-11-24T14:59:59Z\"}");

        PinDisclosed read = (PinDisclosed) EventJson.readData(EventType.PIN_DISCLOSED, data);

        assertEquals(IdentityCheck.NOT_RECORDED, read.identityCheck());
        assertEquals(EventUpcasts.NOT_RECORDED, read.agentSessionId());
    }

    @Test
    void aFieldSentAsNullIsNotFilledButRefused() {
        String current = EventJson.write(EventSamples.envelope(EventType.PIN_DISCLOSED));
        String withNull = current.replace("\"identityCheck\":\"CALLBACK_TO_CONTRACT_LINE\"", "\"identityCheck\":null");

        assertThrows(UnreadableEventException.class, () -> EventJson.read(withNull), withNull);
    }

    @Test
    void onlyRealMethodsAndDocumentsCanBeChosen() {
        assertEquals(false, IdentityCheck.NOT_RECORDED.choosable());
        assertEquals(true, IdentityCheck.KNOWLEDGE_QUESTIONS.choosable());
        assertEquals(false, IdDocument.NOT_RECORDED.acceptable());
        assertEquals(true, IdDocument.MY_NUMBER_CARD.acceptable());
    }
}
