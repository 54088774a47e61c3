package com.networkpin.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A service's refusal (its RFC 9457 problem answer), or a service that could not be reached
 * ({@code status} 0). Pages show {@link #sentence()}, never an exception's text or a stack trace.
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final JsonNode body;

    public ServiceProblem(int status, JsonNode body) {
        super("service answered " + status, null, false, false);
        this.status = status;
        this.body = body == null ? MissingNode.getInstance() : body;
    }

    /** The service did not answer, or answered something that is not a problem. */
    public static ServiceProblem unreachable() {
        return new ServiceProblem(0, null);
    }

    public int status() {
        return status;
    }

    /** The problem's {@code detail}, else its {@code title}; null when the answer had neither. */
    public String sentence() {
        String detail = text("detail");
        return detail != null ? detail : text("title");
    }

    /** The last segment of the problem's {@code type}, e.g. {@code slot-full}. */
    public String kind() {
        String type = text("type");
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    /** An extension member such as the weak-PIN {@code reason}. */
    public String text(String member) {
        JsonNode value = body.path(member);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** Not the person's doing: the service is down or failed; trying again later may work. */
    public boolean isOutage() {
        return status == 0 || status >= 500;
    }
}
