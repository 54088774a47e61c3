package com.networkpin.reservation.rest;

import com.networkpin.reservation.store.ReservationService;
import com.networkpin.reservation.store.ReservationView;
import io.smallrye.mutiny.Uni;
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
@Tag(name = "reservations")
public class ContractResource {

    private final ReservationService reservations;

    public ContractResource(ReservationService reservations) {
        this.reservations = reservations;
    }

    @GET
    @Operation(summary = "A contract's reservations, of every status, by slot")
    @APIResponse(responseCode = "200", description = "The reservations; empty when there are none")
    public Uni<List<ReservationView>> list(@RestPath String contractId) {
        return reservations.ofContract(contractId);
    }
}
