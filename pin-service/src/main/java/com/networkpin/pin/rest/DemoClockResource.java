package com.networkpin.pin.rest;

import com.networkpin.pin.service.MidnightUnlocker;
import com.networkpin.support.DemoClock;
import com.networkpin.support.DemoClockConfig;
import com.networkpin.support.MovableClock;
import com.networkpin.support.Problem;
import com.networkpin.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Demo and test only: moves the pin-service's clock forward to the instant the lock-scheduler's demo
 * clock jumped to, so that a midnight the scheduler announces is due here too (a midnight ahead of
 * this clock is held until the clock reaches it). Then the unlock sweep runs at once, in the
 * background. Answers 404, like any unknown path, unless {@code network-pin.demo-clock.enabled}.
 */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demo clock", description = "Demo and test profiles only; 404 in production")
public class DemoClockResource {

    private final DemoClockConfig config;
    private final MovableClock clock;
    private final MidnightUnlocker unlocker;

    public DemoClockResource(DemoClockConfig config, MovableClock clock, MidnightUnlocker unlocker) {
        this.config = config;
        this.clock = clock;
        this.unlocker = unlocker;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "moveClock", summary = "Move the clock forward to an instant (never back), then lift the locks now due")
    @APIResponse(responseCode = "200", description = "Where the clock now stands")
    @APIResponse(responseCode = "404", description = "The demo clock is disabled (production)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DemoClock.Moved move(@Valid @NotNull DemoClock.Move move) {
        DemoClock.Moved moved = DemoClock.move(config.enabled(), clock, move);
        unlocker.sweep().subscribe().with(unlocked -> { }, failure -> { }); // the periodic sweep retries a failure
        return moved;
    }
}
