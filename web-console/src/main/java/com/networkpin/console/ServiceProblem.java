package com.networkpin.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A service's refusal (its RFC 9457 problem answer), or a service that could not be reached
 * ({@code status} 0). A service that is busy (it answered 503 or 429, timed out or refused the
 * connection) carries when to try again ({@link #retryAfter()}). Pages show {@link #sentence()}, never an
 * exception's text or a stack trace.
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final JsonNode body;
    private final Duration retryAfter;

    public ServiceProblem(int status, JsonNode body) {
        this(status, body, null);
    }

    private ServiceProblem(int status, JsonNode body, Duration retryAfter) {
        super("service answered " + status, null, false, false);
        this.status = status;
        this.body = body == null ? MissingNode.getInstance() : body;
        this.retryAfter = retryAfter;
    }

    /** The service did not answer, or answered something that is not a problem. */
    public static ServiceProblem unreachable() {
        return new ServiceProblem(0, null);
    }

    /** The service is busy: it refused the request (503, 429) or did not answer in time; try after {@code retryAfter}. */
    public static ServiceProblem busy(int status, JsonNode body, Duration retryAfter) {
        return new ServiceProblem(status, body, retryAfter);
    }

    public int status() {
        return status;
    }

    /** When to try again, for a busy service; empty otherwise. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isBusy() {
        return retryAfter != null;
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

    /** Not the person's doing: the service is down, busy or failed; trying again later may work. */
    public boolean isOutage() {
        return status == 0 || status >= 500 || isBusy();
    }
}
