package com.networkpin.reservation.rest;

import com.networkpin.reservation.service.PinLockRebuild;
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

/** The operator's command to rebuild each contract's PIN lock state (the booking advice's) from the PIN topic. */
@Path("/admin/projection/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "PIN lock states", description = "Each contract's PIN lock as seen on the PIN topic, for the booking advice")
public class ProjectionRebuildResource {

    private final PinLockRebuild rebuild;

    public ProjectionRebuildResource(PinLockRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(operationId = "rebuildPinLocks", summary = "Rebuild the PIN lock states from the whole PIN topic")
    @APIResponse(responseCode = "200", description = "Records read, contracts with lock events, locks in force now")
    public Uni<PinLockRebuild.Rebuilt> rebuild() {
        return rebuild.rebuild();
    }
}
