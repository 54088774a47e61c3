package com.networkpin.scheduler.rest;

import com.networkpin.scheduler.domain.Page;
import com.networkpin.scheduler.domain.PendingLock;
import com.networkpin.scheduler.store.PendingLockStore;
import com.networkpin.support.ContractId;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/locks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Pending locks", description = "PIN locks waiting for the next midnight in Japan")
public class LockResource {

    private final PendingLockStore locks;

    public LockResource(PendingLockStore locks) {
        this.locks = locks;
    }

    @GET
    @Operation(operationId = "listPendingLocks", summary = "Pending locks, in the order they lift")
    @APIResponse(responseCode = "200", description = "One page of pending locks")
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<PendingLock>> list(@Valid @BeanParam Paging paging) {
        return locks.page(paging.request());
    }

    @GET
    @Path("/{contractId}")
    @Operation(operationId = "getPendingLock", summary = "The pending lock of a contract")
    @APIResponse(responseCode = "200", description = "The contract's PIN is locked until unlocksAt")
    @APIResponse(responseCode = "400", description = "Malformed contract id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No pending lock for the contract",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PendingLock> get(@PathParam("contractId") @ContractId String contractId) {
        return locks.find(contractId).map(lock -> lock.orElseThrow(() -> new ProblemException(
                Problem.of(404, "lock-not-found", "No pending lock", "This contract has no pending PIN lock."))));
    }
}
