package com.networkpin.reservation.rest;

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
 * Demo and test only: moves this service's clock forward with the lock-scheduler's and the
 * pin-service's, so that a demo that crosses midnight keeps one time across the system (a shop's
 * identity check and the reset grant it gives are dated by this clock). 404 unless
 * {@code network-pin.demo-clock.enabled}.
 */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demo clock", description = "Demo and test profiles only; 404 in production")
public class DemoClockResource {

    private final DemoClockConfig config;
    private final MovableClock clock;

    public DemoClockResource(DemoClockConfig config, MovableClock clock) {
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "moveClock", summary = "Move the clock forward to an instant (never back)")
    @APIResponse(responseCode = "200", description = "Where the clock now stands")
    @APIResponse(responseCode = "404", description = "The demo clock is disabled (production)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DemoClock.Moved move(@Valid @NotNull DemoClock.Move move) {
        return DemoClock.move(config.enabled(), clock, move);
    }
}
