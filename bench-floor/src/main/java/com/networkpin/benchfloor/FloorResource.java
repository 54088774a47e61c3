package com.networkpin.benchfloor;

import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The floors a verification is judged against (the benchmark's C2 and C1): the same request as
 * {@code POST /contracts/{id}/pin/verifications} — a channel gateway's bearer token checked against the
 * realm (signature, issuer, audience, expiry, role), a JSON body read and validated, a JSON answer — with
 * no database work, or with one single-row INSERT + COMMIT on the pin-service's pool settings. Both return
 * a {@link Uni}, so they run on the event loop as the pin-service's resources do (a plain return type
 * would move them to a worker thread and make the floor slower than the service).
 *
 * <p>Not checked here, unlike the pin-service: that the token's {@code channels} claim lists the channel
 * (a lookup in the already-parsed token); no tracing filter (event-store's own) runs.
 */
@Path("/floor")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

    /** A verification's body, with the contract the pin-service takes from the path. */
    public record Attempt(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String contractId,
                          @NotNull @Pattern(regexp = "\\d{4}") String pin, @NotNull String channel) {
    }

    /** Shaped like the pin-service's answer to a right PIN. */
    public record Answer(String result, String contractId) {
    }

    private final Pool pool;

    public FloorResource(Pool pool) {
        this.pool = pool;
    }

    /** C2, the HTTP floor. */
    @POST
    @Path("/http")
    @RolesAllowed(Roles.CHANNEL)
    public Uni<Answer> http(@Valid @NotNull Attempt attempt) {
        return Uni.createFrom().item(new Answer("VERIFIED", attempt.contractId()));
    }

    /**
     * C1, the stack floor: the bench's ceiling table ({@code recorded}, created by the benchmark) gets
     * one row, autocommitted, as the bench's bare JDBC ceiling writes it.
     */
    @POST
    @Path("/insert")
    @RolesAllowed(Roles.CHANNEL)
    public Uni<Answer> insert(@Valid @NotNull Attempt attempt) {
        return pool.preparedQuery("INSERT INTO recorded (stream, data) VALUES ($1, '{\"type\":\"AttemptSucceeded\"}'::jsonb)")
                .execute(Tuple.of(attempt.contractId()))
                .replaceWith(new Answer("VERIFIED", attempt.contractId()));
    }
}
