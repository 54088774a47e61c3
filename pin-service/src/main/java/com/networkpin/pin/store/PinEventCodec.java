package com.networkpin.pin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.EventType;
import com.networkpin.events.PinEvent;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.eventstore.store.StoredEvent;
import com.networkpin.pin.domain.Credential;
import com.networkpin.pin.domain.PinChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of PIN events: the published record's JSON plus, for PinSet, PinReset and an
 * AttemptSucceeded that re-hashed the PIN, a {@code credential} member (hash, salt, pepper id, sealed
 * PIN). The publication is the bare record, so the credential never leaves the service. A credential
 * stored before peppers had ids has no {@code pepperId}. An event stored at an older schema version is read as
 * the contract reads it ({@code EventUpcasts}).
 */
public final class PinEventCodec {

    private static final String CREDENTIAL = "credential";
    private static final String PEPPER_ID = "pepperId";
    private static final ObjectMapper JSON = EventJson.mapper();

    private PinEventCodec() {
    }

    /** The changes as appends after {@code version}, each with its publication on the PIN topic. */
    public static List<NewEvent> toNewEvents(List<PinChange> changes, long version, Instant occurredAt) {
        List<NewEvent> events = new ArrayList<>(changes.size());
        long sequence = version;
        for (PinChange change : changes) {
            events.add(toNewEvent(change, ++sequence, occurredAt));
        }
        return events;
    }

    private static NewEvent toNewEvent(PinChange change, long sequence, Instant occurredAt) {
        EventEnvelope<PinEvent> envelope = EventEnvelope.of(change.eventId(), sequence, occurredAt, change.event());
        return new NewEvent(change.eventId(), envelope.type(), occurredAt, data(change),
                Optional.of(OutboxMessage.of(envelope)));
    }

    public static List<PinChange> fromStored(List<StoredEvent> stored) {
        return stored.stream().map(PinEventCodec::fromStored).toList();
    }

    public static PinChange fromStored(StoredEvent stored) {
        try {
            JsonNode data = JSON.readTree(stored.data());
            PinEvent event = (PinEvent) EventJson.readData(EventType.byTypeName(stored.type()).orElseThrow(), data);
            JsonNode credential = data.get(CREDENTIAL);
            return new PinChange(stored.eventId(), event, credential == null ? null : credential(credential));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + stored.eventId() + " is unreadable", e);
        }
    }

    private static String data(PinChange change) {
        ObjectNode data = JSON.valueToTree(change.event());
        Credential credential = change.credential();
        if (credential != null) {
            Base64.Encoder base64 = Base64.getEncoder();
            data.putObject(CREDENTIAL)
                    .put("salt", base64.encodeToString(credential.salt()))
                    .put("hmac", base64.encodeToString(credential.hmac()))
                    .put(PEPPER_ID, credential.pepperId())
                    .put("keyId", credential.keyId())
                    .put("nonce", base64.encodeToString(credential.nonce()))
                    .put("ciphertext", base64.encodeToString(credential.ciphertext()));
        }
        return data.toString();
    }

    private static Credential credential(JsonNode node) {
        Base64.Decoder base64 = Base64.getDecoder();
        return new Credential(base64.decode(node.get("salt").asText()), base64.decode(node.get("hmac").asText()),
                node.hasNonNull(PEPPER_ID) ? node.get(PEPPER_ID).asText() : null, node.get("keyId").asText(),
                base64.decode(node.get("nonce").asText()), base64.decode(node.get("ciphertext").asText()));
    }
}
