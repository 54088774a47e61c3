package com.networkpin.pin.rest;

import com.networkpin.events.IdentityCheck;
import com.networkpin.pin.domain.Insider;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinRules;
import com.networkpin.pin.service.PinService;
import com.networkpin.support.ContractId;
import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import com.networkpin.support.idempotency.IdempotencyHeader;
import com.networkpin.support.security.Access;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The network PIN of a contract. Thin: the rules are in the domain, the transactions in {@link PinService}.
 * Each endpoint serves the roles it names; the caller's scope (a customer's contract, a gateway's
 * channels, a shop) is checked before anything is read or written, so a refusal records nothing.
 */
@Path("/contracts/{contractId}/pin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PIN", description = "A contract's network PIN: set, verified, disclosed by the manned chat, reset at a shop")
@APIResponse(responseCode = "400", description = "Malformed or invalid request, or a malformed Idempotency-Key (problem+json)")
@APIResponse(responseCode = "401", description = "No bearer token of the network-pin realm, or not a valid one",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PinResource {

    private final PinService pins;
    private final PinPolicy policy;
    private final Access access;

    public PinResource(PinService pins, PinPolicy policy, Access access) {
        this.pins = pins;
        this.policy = policy;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONTRACTING)
    @Operation(operationId = "setPin", summary = "Set the PIN at contract time (the contracting system)")
    @APIResponse(responseCode = "201", description = "Set; the body is the PIN's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PinResponses.Status.class)))
    @APIResponse(responseCode = "403", description = "Not the contracting system",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already set: a change goes through a shop reset (a retry with"
            + " the first PUT's Idempotency-Key gets its 201 again)")
    @APIResponse(responseCode = "422", description = "Not 4 digits or too easy to guess; 'reason' says why")
    public Uni<Response> set(@PathParam("contractId") @ContractId String contractId,
                             @HeaderParam(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey,
                             @Valid @NotNull PinRequests.SetPin request) {
        var pin = PinRules.requireStrong(request.pin(), request.birthDate(), request.phoneNumber());
        var idempotency = IdempotencyHeader.parse(idempotencyKey).map(key -> pins.idempotentRequest(access.caller(),
                "set", key, contractId, pin.digits(), Objects.toString(request.birthDate(), null), request.phoneNumber()));
        return pins.set(contractId, pin, idempotency).map(answer -> answer.status() != 201 ? Answers.response(answer).build()
                : Answers.response(answer).location(UriBuilder.fromResource(PinResource.class).build(contractId)).build());
    }

    @POST
    @Path("/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CHANNEL)
    @Operation(operationId = "verifyPin", summary = "Verify a PIN entered in a usage scene (channel), by a channel gateway")
    @APIResponse(responseCode = "200", description = "VERIFIED, MISMATCH (with remaining attempts) or LOCKED (with unlocksAt)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PinResponses.Verification.class)))
    @APIResponse(responseCode = "403", description = "Not a channel gateway, or the body's channel is not among the"
            + " token's 'channels' (channel-not-allowed); no attempt is recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No PIN is set for the contract")
    @APIResponse(responseCode = "422", description = "Not 4 digits")
    public Uni<Response> verify(
            @PathParam("contractId") @ContractId String contractId,
            @HeaderParam(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey,
            @Valid @NotNull PinRequests.Verify request) {
        if (!access.channels().contains(request.channel().name())) {
            throw new ProblemException(Problem.of(403, "channel-not-allowed", "Channel not allowed",
                    "This client may not report attempts of channel " + request.channel().name() + ".")
                    .with("channel", request.channel().name()));
        }
        var attempt = PinRules.normalise(request.pin());
        Optional<String> key = IdempotencyHeader.parse(idempotencyKey);
        if (key.isEmpty()) {
            return pins.verify(contractId, attempt, request.channel(), access.client())
                    .map(result -> Response.ok(PinResponses.Verification.of(result)).build());
        }
        return pins.verify(contractId, attempt, request.channel(), access.client(), pins.idempotentRequest(access.caller(), "verify",
                        key.get(), contractId, request.channel().name(), attempt.digits()))
                .map(answer -> Answers.response(answer).build());
    }

    @GET
    @RolesAllowed({Roles.CHANNEL, Roles.CHATBOT, Roles.SUPPORT_AGENT, Roles.CUSTOMER})
    @Operation(operationId = "getPinStatus", summary = "The PIN's state, with support guidance (what the chatbot may tell)")
    @APIResponse(responseCode = "200", description = "NOT_SET, ACTIVE or LOCKED")
    @APIResponse(responseCode = "403", description = "Another role, or a customer asking about another contract",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PinResponses.Status> status(@PathParam("contractId") @ContractId String contractId) {
        access.requireOwnContractIfCustomer(contractId);
        return pins.status(contractId).map(pin -> PinResponses.Status.of(pin, policy, pins.now()));
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.SUPPORT_AGENT, Roles.CUSTOMER})
    @Operation(operationId = "getPinHistory", summary = "The PIN's events, oldest first, for support and the holder; no secrets")
    @APIResponse(responseCode = "200", description = "The events (empty for an unknown contract)")
    @APIResponse(responseCode = "403", description = "Another role, or a customer asking about another contract",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<PinResponses.HistoryEntry>> history(
            @PathParam("contractId") @ContractId String contractId) {
        access.requireOwnContractIfCustomer(contractId);
        return pins.history(contractId).map(changes -> {
            List<PinResponses.HistoryEntry> entries = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                entries.add(PinResponses.HistoryEntry.of(i + 1, changes.get(i)));
            }
            return entries;
        });
    }

    @POST
    @Path("/disclosures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPORT_AGENT)
    @Operation(operationId = "disclosePin", summary = "The manned chat confirms a forgotten PIN to its identified holder",
            description = "The disclosing agent recorded in PinDisclosed is the caller: the token's subject and its"
                    + " sign-in session (sid), with the identity-check method and the chat's case number of the body.")
    @APIResponse(responseCode = "200", description = "The PIN, once, not to be cached (a replay of the same"
            + " Idempotency-Key shows the PIN disclosed then and counts no second disclosure)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PinResponses.Disclosed.class)))
    @APIResponse(responseCode = "403", description = "Not a support agent, or a token without a subject or sign-in"
            + " session (sid)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No PIN is set for the contract")
    @APIResponse(responseCode = "409", description = "Outside manned chat hours; names the next opening")
    @APIResponse(responseCode = "429", description = "Daily disclosure limit of the contract reached (disclosure-limit),"
            + " or this agent's hourly or daily limit (agent-disclosure-limit); Retry-After says when it frees up")
    public Uni<Response> disclose(@PathParam("contractId") @ContractId String contractId,
                                  @HeaderParam(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey,
                                  @Valid @NotNull PinRequests.Disclose request) {
        Insider agent = new Insider(access.requireSubject("to record as the disclosing agent"),
                access.requireSession("to record with the disclosure"));
        IdentityCheck check = choosable(request.identityCheck());
        var idempotency = IdempotencyHeader.parse(idempotencyKey).map(key -> pins.idempotentRequest(access.caller(),
                "disclose", key, contractId, check.name(), request.identityCheckRef()));
        return pins.disclose(contractId, agent, check, request.identityCheckRef(), idempotency).map(answer -> Answers.response(answer)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build());
    }

    @POST
    @Path("/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SHOP_STAFF)
    @Operation(operationId = "resetPin", summary = "The shop terminal sets a new PIN under the reservation's reset grant",
            description = "Only staff of the shop where the identity was verified (the token's shop_id) may use the grant."
                    + " PinReset records the staff member (the token's subject and sign-in session) and the document"
                    + " the grant's identity check accepted.")
    @APIResponse(responseCode = "200", description = "Reset; a lock is lifted; the body is the PIN's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PinResponses.Status.class)))
    @APIResponse(responseCode = "403", description = "Not shop staff, a token without a subject or sign-in session"
            + " (sid), or the grant was made for a visit at another shop (grant-of-another-shop); the grant stays"
            + " usable by its shop",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No PIN is set for the contract")
    @APIResponse(responseCode = "409", description = "No grant yet (retryable, Retry-After), or the grant expired or was used")
    @APIResponse(responseCode = "422", description = "Not 4 digits or too easy to guess; 'reason' says why")
    @APIResponse(responseCode = "429", description = "This staff member's daily reset limit (staff-reset-limit);"
            + " Retry-After says when it frees up")
    public Uni<Response> reset(@PathParam("contractId") @ContractId String contractId,
                               @HeaderParam(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey,
                               @Valid @NotNull PinRequests.Reset request) {
        String shop = access.shop().orElseThrow(() -> Access.forbidden("This staff token names no shop."));
        var pin = PinRules.requireStrong(request.newPin(), request.birthDate(), request.phoneNumber());
        var idempotency = IdempotencyHeader.parse(idempotencyKey).map(key -> pins.idempotentRequest(access.caller(),
                "reset", key, contractId, shop, request.reservationNumber(), pin.digits(),
                Objects.toString(request.birthDate(), null), request.phoneNumber()));
        Insider staff = new Insider(access.requireSubject("to count the reset against"),
                access.requireSession("to record with the reset"));
        return pins.reset(contractId, request.reservationNumber(), shop, staff, pin, idempotency)
                .map(answer -> Answers.response(answer).build());
    }

    /** An identity check an agent performs; {@code NOT_RECORDED} only describes events of an older version. */
    private static IdentityCheck choosable(IdentityCheck check) {
        if (!check.choosable()) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid request",
                    "identityCheck must be one of the methods an agent performs.")
                    .with("accepted", Arrays.stream(IdentityCheck.values()).filter(IdentityCheck::choosable)
                            .map(IdentityCheck::name).toList()));
        }
        return check;
    }
}
