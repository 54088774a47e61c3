package com.networkpin.pin.rest;

import com.networkpin.pin.domain.InsiderAction;
import com.networkpin.pin.domain.InsiderQuery;
import com.networkpin.pin.service.InsiderAudit;
import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail of PIN disclosures and shop resets, for operations and the security team: who (the token's
 * subject), in which sign-in session, after which identity check, on which contract, when. Newest first, one
 * bounded page at a time.
 */
@Path("/audit/insider-actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who disclosed or reset which PIN, how the identity was checked, when")
public class InsiderAuditResource {

    /** The window asked when the request names no {@code from}. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final InsiderAudit audit;
    private final Clock clock;

    public InsiderAuditResource(InsiderAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** One page; {@code nextBefore} asks for the next (older) one, null on the last. */
    public record Page(List<InsiderAction> entries, Long nextBefore) {
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "listInsiderActions", summary = "Disclosures and resets by person and time, newest first")
    @APIResponse(responseCode = "200", description = "One page of entries, and the 'before' of the next page (null on the last)")
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601 with an offset, 'from' not before"
            + " 'to', a range over 366 days, a limit outside 1..200, a 'before' or 'limit' that is not a number,"
            + " or an unknown action",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page> list(
            @QueryParam("person") @Parameter(description = "Only this person's actions: their token subject") String person,
            @QueryParam("action") @Parameter(description = "disclosure or reset") String action,
            @QueryParam("from") @Parameter(description = "Recorded at or after (ISO-8601 with offset); default 'to' minus 30 days") String from,
            @QueryParam("to") @Parameter(description = "Recorded before (ISO-8601 with offset); default now") String to,
            @QueryParam("before") @Parameter(description = "Entries older than this entry id: the previous page's nextBefore") String before,
            @QueryParam("limit") @Parameter(description = "Entries per page, 1..200, default 50") String limit) {
        InsiderQuery query = query(person, action, from, to, before, limit);
        return audit.page(query).map(found -> found.size() <= query.limit() ? new Page(found, null)
                : new Page(found.subList(0, query.limit()), found.get(query.limit() - 1).id()));
    }

    private InsiderQuery query(String person, String action, String from, String to, String before, String limit) {
        Instant end = Optional.ofNullable(to).map(t -> instant("to", t)).orElseGet(clock::instant);
        Instant start = Optional.ofNullable(from).map(f -> instant("from", f)).orElseGet(() -> end.minus(DEFAULT_WINDOW));
        try {
            return new InsiderQuery(Optional.ofNullable(person).filter(p -> !p.isBlank()),
                    Optional.ofNullable(action).filter(a -> !a.isBlank()), start, end, Optional.ofNullable(before).map(b -> number("before", b)),
                    limit == null ? InsiderQuery.DEFAULT_LIMIT
                            : (int) Math.max(0, Math.min(number("limit", limit), InsiderQuery.MAX_LIMIT + 1L)));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("'" + name + "' is a time in ISO-8601 with an offset, e.g. 2026-12-01T00:00:00+09:00.");
        }
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("'" + name + "' is a whole number.");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", detail));
    }
}
