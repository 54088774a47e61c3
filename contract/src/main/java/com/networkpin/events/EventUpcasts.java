package com.networkpin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Events written at an older schema version, read as the current records: each field an event gained
 * since version 1 is filled, when it is missing, with the value that says it was not recorded then. A
 * message names its version, but a service's own store does not, so the missing field is the sign;
 * a field present as {@code null} is not filled and the event stays unreadable.
 *
 * <p>Version 2 of {@code PinDisclosed} added the agent's session and the identity-check method, of
 * {@code ResetGranted} the document checked, of {@code PinReset} the staff member, their session and the
 * document.
 */
public final class EventUpcasts {

    /** The session or person of an event recorded before they were. */
    public static final String NOT_RECORDED = "not-recorded";

    private static final Map<EventType, Map<String, String>> ADDED_SINCE_VERSION_1 = Map.of(
            EventType.PIN_DISCLOSED, Map.of("agentSessionId", NOT_RECORDED,
                    "identityCheck", IdentityCheck.NOT_RECORDED.name()),
            EventType.RESET_GRANTED, Map.of("document", IdDocument.NOT_RECORDED.name()),
            EventType.PIN_RESET, Map.of("staffId", NOT_RECORDED, "staffSessionId", NOT_RECORDED,
                    "document", IdDocument.NOT_RECORDED.name()));

    private EventUpcasts() {
    }

    /** {@code data} of an event of {@code type} with the fields added since it was written; a copy if any was. */
    public static JsonNode upcast(EventType type, JsonNode data) {
        Map<String, String> added = ADDED_SINCE_VERSION_1.get(type);
        if (added == null || !(data instanceof ObjectNode object)) {
            return data;
        }
        ObjectNode upcast = null;
        for (Map.Entry<String, String> field : added.entrySet()) {
            if (!object.has(field.getKey())) {
                upcast = upcast == null ? object.deepCopy() : upcast;
                upcast.put(field.getKey(), field.getValue());
            }
        }
        return upcast == null ? data : upcast;
    }
}
