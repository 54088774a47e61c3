package com.networkpin.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The development realm as the production template with the development layer over it, so the two never
 * drift apart: {@code identity/realm/production-realm-template.json} (what a deployment imports, its secrets
 * and addresses as {@code ${ENV}} placeholders Keycloak fills at import) and
 * {@code identity/realm/development-layer.json} (the demo people, the {@code dev-…} secrets, local addresses,
 * the development-only token client). {@code identity/network-pin-realm.json} is their merge (RealmLayersTest
 * keeps it so).
 *
 * <p>Rules: an object member of the layer replaces the template's, or is merged into it when both are objects;
 * in an array of objects identified by {@code clientId}, {@code username}, {@code name} or {@code alias}
 * (authentication flows), an element of the
 * layer is merged into the template's element of the same identity, else appended; an element with
 * {@code "copyOf": "<clientId>"} starts as a copy of that template element (the development client that shares the
 * console client's claims without the code flow).
 */
public final class RealmLayers {

    private static final String COPY_OF = "copyOf";
    private static final String[] IDENTITIES = {"clientId", "username", "name", "alias"};

    private RealmLayers() {
    }

    /** The template with the layer over it; neither argument is changed. */
    public static ObjectNode merge(ObjectNode template, ObjectNode layer) {
        ObjectNode merged = template.deepCopy();
        mergeInto(merged, layer);
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode layer) {
        for (Iterator<Map.Entry<String, JsonNode>> members = layer.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode existing = target.get(member.getKey());
            JsonNode value = member.getValue();
            if (existing instanceof ObjectNode object && value instanceof ObjectNode overlay) {
                mergeInto(object, overlay);
            } else if (existing instanceof ArrayNode array && value instanceof ArrayNode overlay && identified(overlay)) {
                mergeElements(array, overlay);
            } else {
                target.set(member.getKey(), value.deepCopy());
            }
        }
    }

    private static void mergeElements(ArrayNode target, ArrayNode layer) {
        for (JsonNode element : layer) {
            ObjectNode overlay = ((ObjectNode) element).deepCopy();
            JsonNode copyOf = overlay.remove(COPY_OF);
            if (copyOf != null) {
                ObjectNode copy = find(target, "clientId=" + copyOf.asText());
                if (copy == null) {
                    throw new IllegalArgumentException("copyOf names no element: " + copyOf.asText());
                }
                ObjectNode added = copy.deepCopy();
                mergeInto(added, overlay);
                target.add(added);
                continue;
            }
            ObjectNode same = find(target, identity(overlay));
            if (same == null) {
                target.add(overlay);
            } else {
                mergeInto(same, overlay);
            }
        }
    }

    private static boolean identified(ArrayNode array) {
        for (JsonNode element : array) {
            if (!(element instanceof ObjectNode object) || identity(object) == null) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    private static String identity(ObjectNode element) {
        for (String key : IDENTITIES) {
            if (element.hasNonNull(key)) {
                return key + "=" + element.get(key).asText();
            }
        }
        return null;
    }

    private static ObjectNode find(ArrayNode array, String identity) {
        for (JsonNode element : array) {
            if (element instanceof ObjectNode object && identity.equals(identity(object))) {
                return object;
            }
        }
        return null;
    }
}
