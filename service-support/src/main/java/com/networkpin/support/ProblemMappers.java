package com.networkpin.support;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.networkpin.events.LogSafe;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a problem+json answer. Details name fields, never echo values: a
 * request body may carry a PIN.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = e.problem().toResponse();
        return e.retryAfterHeader().map(after -> Response.fromResponse(response)
                .header("Retry-After", after).build()).orElse(response);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.")
                .toResponse();
    }

    // Quarkus maps these two itself, echoing the offending value; more specific mappers win.
    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        String field = fieldPath(e);
        String detail = field.isEmpty()
                ? "The request body does not have the expected shape."
                : "Field '" + field + "' is missing or has a value of the wrong type.";
        return Problem.of(400, "invalid-body", "Invalid request body", detail)
                .with("field", field.isEmpty() ? null : field).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", leafOf(v), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; "));
        return Problem.of(400, "validation", "Invalid request", detail).with("violations", violations).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return unreadableJson(mismatch);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return Problem.of(status, slug(title), title, title + ".").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (Overload.isPoolBusy(e)) {
            return problem(Overload.overloaded(Overload.POOL_RETRY_AFTER));
        }
        Optional<Throwable> databaseAway = DatabaseUnavailable.cause(e);
        if (databaseAway.isPresent()) {
            // Expected while the database restarts: no stack trace per request, and the client may retry.
            LOG.warnf("request failed, the database is unavailable: %s: %s",
                    databaseAway.get().getClass().getName(), LogSafe.message(databaseAway.get()));
            return Response.fromResponse(Problem.of(503, "database-unavailable", "Service unavailable",
                    "The service cannot reach its database just now; try again shortly.").toResponse())
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure", LogSafe.throwable(e));
        return Problem.of(500, "internal", "Internal error", "The request could not be completed.").toResponse();
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** "verify.request.pin" -> "pin": clients know fields, not Java method parameters. */
    private static String leafOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
