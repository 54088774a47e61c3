package com.networkpin.scheduler.rest;

import com.networkpin.scheduler.domain.Midnight;
import com.networkpin.scheduler.domain.Midnights;
import com.networkpin.scheduler.domain.NextMidnight;
import com.networkpin.scheduler.domain.Page;
import com.networkpin.scheduler.domain.PublishedMidnight;
import com.networkpin.scheduler.store.MidnightStore;
import com.networkpin.scheduler.store.PendingLockStore;
import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/midnights")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Midnights", description = "The MidnightUnlock published for each Japanese date")
public class MidnightResource {

    private final MidnightStore midnights;
    private final PendingLockStore locks;
    private final Clock clock;
    private final Midnights calendar;

    public MidnightResource(MidnightStore midnights, PendingLockStore locks, Clock clock, Midnights calendar) {
        this.midnights = midnights;
        this.locks = locks;
        this.clock = clock;
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "listPublishedMidnights", summary = "Published midnights, newest first",
            description = "Each with the locks pending when it was published and how many Unlocked(MIDNIGHT) "
                    + "the PIN service has reported for it since.")
    @APIResponse(responseCode = "200", description = "One page of published midnights")
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<PublishedMidnight>> history(@Valid @BeanParam Paging paging) {
        return midnights.page(paging.request());
    }

    @GET
    @Path("/{date}")
    @Operation(operationId = "getPublishedMidnight", summary = "The published midnight of a Japanese date")
    @APIResponse(responseCode = "200", description = "The midnight and its unlock counts")
    @APIResponse(responseCode = "400", description = "Not a date (YYYY-MM-DD)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No MidnightUnlock published for the date",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PublishedMidnight> get(@PathParam("date") String date) {
        return midnights.find(parseDate(date)).map(found -> found.orElseThrow(() -> new ProblemException(
                Problem.of(404, "midnight-not-found", "Midnight not published",
                        "No MidnightUnlock has been published for this date."))));
    }

    @GET
    @Path("/next")
    @Operation(operationId = "getNextMidnight", summary = "The next midnight in Japan and how many pending locks it will lift")
    @APIResponse(responseCode = "200", description = "The next midnight")
    public Uni<NextMidnight> next() {
        Midnight next = calendar.nextAfter(clock.instant());
        return locks.countDueBy(next.instant())
                .map(pending -> new NextMidnight(next.date(), next.instant(), pending));
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.of(400, "invalid-date", "Invalid date",
                    "The date must be a calendar date written YYYY-MM-DD."));
        }
    }
}
