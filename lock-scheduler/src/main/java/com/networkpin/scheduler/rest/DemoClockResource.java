package com.networkpin.scheduler.rest;

import com.networkpin.events.MidnightUnlock;
import com.networkpin.scheduler.domain.Midnights;
import com.networkpin.scheduler.service.MidnightPublisher;
import com.networkpin.scheduler.store.MidnightStore;
import com.networkpin.support.DemoClockConfig;
import com.networkpin.support.MovableClock;
import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Demo and test only: moves the scheduler's clock past the next midnight not yet published, so
 * the unlock can be shown without waiting for the night. Answers 404, like any unknown path, unless
 * {@code network-pin.demo-clock.enabled} is true (never in the prod profile).
 */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Demo clock", description = "Demo and test profiles only; 404 in production")
public class DemoClockResource {

    /** Just past midnight, so the date has certainly changed. */
    private static final Duration PAST_MIDNIGHT = Duration.ofSeconds(1);

    private final DemoClockConfig config;
    private final MovableClock clock;
    private final MidnightPublisher publisher;
    private final MidnightStore midnights;
    private final Midnights calendar;

    public DemoClockResource(DemoClockConfig config, MovableClock clock, MidnightPublisher publisher,
                             MidnightStore midnights, Midnights calendar) {
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
        this.publisher = publisher;
        this.midnights = midnights;
    }

    /** Where the clock now stands, and the MidnightUnlock that went out at once (null if none was due). */
    public record ClockMoved(Instant now, MidnightUnlock published) {
    }

    @POST
    @Path("/next-midnight")
    @Operation(operationId = "moveClockToNextMidnight", summary = "Move the clock to just past the next midnight in Japan not yet published, and publish its MidnightUnlock")
    @APIResponse(responseCode = "200", description = "The new time and the event published for the midnight")
    @APIResponse(responseCode = "404", description = "The demo clock is disabled (production)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ClockMoved> nextMidnight() {
        if (!config.enabled()) {
            throw new ProblemException(Problem.of(404, "not-found", "Not Found", "Not Found."));
        }
        // A restarted scheduler's clock is back at the real time, while an earlier demo may have
        // published the next midnights already: skip those, so every call publishes a new one.
        return midnights.firstUnpublishedFrom(calendar.nextAfter(clock.instant()).date()).chain(date -> {
            Instant now = clock.moveTo(calendar.of(date).instant().plus(PAST_MIDNIGHT));
            return publisher.publishDue().map(published -> new ClockMoved(now, published.orElse(null)));
        });
    }
}
