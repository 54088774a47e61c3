package com.networkpin.eventstore.admin;

import com.networkpin.eventstore.outbox.ParkedOutbox;
import com.networkpin.eventstore.outbox.ParkedRow;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Outbox rows Kafka refused for good, for operators: list them (never their payload), send one again
 * once its cause is fixed, or discard it so that the rows of its key behind it leave. Served where the
 * service enables it at build time ({@code network-pin.event-store.admin.enabled=true} in its
 * application.properties; every service does); an unknown id answers 404 (problem+json in the services).
 */
@IfBuildProperty(name = ParkedOutboxResource.ENABLED, stringValue = "true")
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox", description = "The operator's view of outbox rows parked for an operator")
public class ParkedOutboxResource {

    /** The build property that serves this resource. */
    public static final String ENABLED = "network-pin.event-store.admin.enabled";
    /**
     * The realm's operator role: service-support's {@code Roles.OPERATOR}, which event-store cannot name (a
     * dependency on service-support would bring the REST layer's beans into every application of the event
     * store); the pin-service's ParkedOutboxApiTest checks that the two are equal.
     */
    public static final String OPERATOR = "operator";

    private final ParkedOutbox parked;

    public ParkedOutboxResource(ParkedOutbox parked) {
        this.parked = parked;
    }

    @Operation(operationId = "listParkedOutboxRows", summary = "Outbox rows Kafka refused for good, with why; never their payload")
    @GET
    @RolesAllowed(OPERATOR)
    public Uni<List<ParkedRow>> list() {
        return parked.list();
    }

    @Operation(operationId = "retryParkedOutboxRow", summary = "Send a parked row again, after its cause was fixed")
    @POST
    @Path("/{id}/retry")
    @RolesAllowed(OPERATOR)
    public Uni<Void> retry(@PathParam("id") long id) {
        return parked.retry(id).invoke(ParkedOutboxResource::found).replaceWithVoid();
    }

    @Operation(operationId = "discardParkedOutboxRow", summary = "Give up a parked row: the rows of its key behind it go on")
    @POST
    @Path("/{id}/discard")
    @RolesAllowed(OPERATOR)
    public Uni<Void> discard(@PathParam("id") long id) {
        return parked.discard(id).invoke(ParkedOutboxResource::found).replaceWithVoid();
    }

    private static void found(boolean found) {
        if (!found) {
            throw new NotFoundException("No parked outbox row with this id.");
        }
    }
}
