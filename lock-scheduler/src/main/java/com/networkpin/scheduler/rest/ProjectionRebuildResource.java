package com.networkpin.scheduler.rest;

import com.networkpin.scheduler.service.PendingLockRebuild;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's command to rebuild the pending-lock projection from the PIN topic. */
@Path("/admin/projection/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Pending locks", description = "PIN locks waiting for the next midnight in Japan")
public class ProjectionRebuildResource {

    private final PendingLockRebuild rebuild;

    public ProjectionRebuildResource(PendingLockRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(operationId = "rebuildPendingLocks", summary = "Rebuild the pending locks from the whole PIN topic")
    @APIResponse(responseCode = "200", description = "Records read, contracts with lock events, pending locks now")
    public Uni<PendingLockRebuild.Rebuilt> rebuild() {
        return rebuild.rebuild();
    }
}
