package com.networkpin.reservation.rest;

import com.networkpin.reservation.service.ReservationViews;
import com.networkpin.support.ContractId;
import com.networkpin.support.security.Access;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/contracts/{contractId}/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reservations", description = "Shop visits for a PIN change or reset, and other shop support")
public class ContractResource {

    private final ReservationViews reservations;
    private final Access access;

    public ContractResource(ReservationViews reservations, Access access) {
        this.reservations = reservations;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "listContractReservations", summary = "A contract's reservations, of every status, by slot (the contract's customer)")
    @APIResponse(responseCode = "200", description = "The reservations; empty when there are none")
    @APIResponse(responseCode = "400", description = "Malformed contract id")
    @APIResponse(responseCode = "403", description = "Another contract than the customer's own")
    public Uni<List<ReservationView>> list(
            @RestPath @ContractId String contractId) {
        Caller.of(access).requireContract(contractId);
        return reservations.ofContract(contractId);
    }
}
