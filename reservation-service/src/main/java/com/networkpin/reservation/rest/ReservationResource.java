package com.networkpin.reservation.rest;

import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.reservation.domain.BookVisit;
import com.networkpin.reservation.domain.ReservationNumbers;
import com.networkpin.reservation.service.ReservationNotFound;
import com.networkpin.reservation.service.BookingOutcome;
import com.networkpin.reservation.service.BookingService;
import com.networkpin.reservation.service.ReservationViews;
import com.networkpin.reservation.service.VisitService;
import com.networkpin.support.AdmissionGate;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Customers act on their own contract's reservations, shop staff on their own shop's. Whose a
 * reservation is comes from the stored reservation, checked after it is loaded and before anything
 * is written, so a refusal writes nothing.
 */
@Path("/reservations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.SHOP_STAFF})
@Tag(name = "reservations", description = "Shop visits for a PIN change or reset, and other shop support")
public class ReservationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final String OVERLOADED = "Past the booking path's capacity (problem overloaded, with Retry-After):"
            + " nothing was decided or written; send it again after Retry-After, with the same Idempotency-Key";
    private static final String NOT_YOURS = "Another contract's reservation (customer) or another shop's (shop staff)";

    private final BookingService bookings;
    private final VisitService visits;
    private final ReservationViews reservations;
    private final Access access;
    private final AdmissionGate admission;

    public ReservationResource(BookingService bookings, VisitService visits, ReservationViews reservations,
                               Access access, AdmissionGate admission) {
        this.bookings = bookings;
        this.visits = visits;
        this.reservations = reservations;
        this.access = access;
        this.admission = admission;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bookVisit", summary = "Book a visit (customer for their contract, shop staff at their shop)",
            description = "Answers with the reservation number, the fee and why, the documents to bring, and, while"
                    + " the contract's PIN is locked, the advice that the lock lifts by itself at midnight JST."
                    + " The same Idempotency-Key with the same body answers the same reservation (200)."
                    + " Shop staff may also book the slot in progress at their shop (a walk-in).")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "Already booked under this Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "400", description = "Missing Idempotency-Key or invalid body")
    @APIResponse(responseCode = "403", description = "Neither a customer of the body's contract nor staff of the"
            + " body's shop; nothing is stored, not even the Idempotency-Key")
    @APIResponse(responseCode = "409", description = "Slot full, or an active booking of this purpose exists")
    @APIResponse(responseCode = "503", description = OVERLOADED)
    @APIResponse(responseCode = "422", description = "Past, not on a 15-minute boundary, too far ahead, shop"
            + " closed, outside opening hours, unknown shop, or Idempotency-Key used with another body")
    public Uni<Response> book(
            @RestHeader(IDEMPOTENCY_KEY) @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY, required = true,
                    description = "A unique key per booking attempt, e.g. a UUID; resend it on retry") String key,
            @NotNull @Valid BookingRequest request) {
        String idempotencyKey = requireKey(key);
        Caller caller = Caller.of(access);
        caller.requireContractOrShop(request.contractId(), request.shopId());
        BookVisit command = new BookVisit(request.contractId(), request.shopId(), request.start().toInstant(),
                request.purpose(), caller.worksAt(request.shopId()));
        // The key in the caller's scope: another caller's same key is another booking's.
        String scopedKey = new IdempotentRequest.ScopedKey(access.caller(), "book", idempotencyKey).digest();
        return admission.admit(() -> bookings.book(scopedKey, command)).map(outcome -> outcome.replayed()
                ? answer(outcome)
                : Response.created(URI.create("/reservations/" + outcome.reservation().reservationNumber()))
                        .entity(outcome.reservation()).build());
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "getReservation", summary = "One reservation")
    @APIResponse(responseCode = "200", description = "The reservation")
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "404", description = "No such reservation")
    public Uni<ReservationView> get(@RestPath String number) {
        Caller caller = Caller.of(access);
        return reservations.get(known(number), caller::requireContractOrShop);
    }

    @POST
    @Path("/{number}/cancel")
    @Operation(operationId = "cancelReservation", summary = "Cancel a booking and free its slot")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "404", description = "No such reservation")
    @APIResponse(responseCode = "409", description = "Not a booking that can be cancelled (any more)")
    @APIResponse(responseCode = "503", description = OVERLOADED)
    @APIResponse(responseCode = "422", description = "The visit has already begun")
    public Uni<Response> cancel(@RestPath String number, @RestHeader(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey) {
        Caller caller = Caller.of(access);
        var idempotency = keyed(idempotencyKey, "cancel", number);
        String known = known(number);
        return admission.admit(() -> bookings.cancel(known, caller::requireContractOrShop, idempotency)).map(ReservationResource::answer);
    }

    @POST
    @Path("/{number}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescheduleReservation", summary = "Move a booking to another slot of the same shop",
            description = "Takes the new slot and frees the old one in one transaction; a refusal changes nothing.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "404", description = "No such reservation")
    @APIResponse(responseCode = "409", description = "New slot full, or not a booking that can be moved")
    @APIResponse(responseCode = "503", description = OVERLOADED)
    @APIResponse(responseCode = "422", description = "New slot past, off the 15-minute grid, too far ahead,"
            + " outside opening hours, on a closed day, or the same slot")
    public Uni<Response> reschedule(@RestPath String number, @RestHeader(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey,
                                    @NotNull @Valid RescheduleRequest request) {
        Caller caller = Caller.of(access);
        Instant start = request.start().toInstant();
        var idempotency = keyed(idempotencyKey, "reschedule", number, start.toString());
        String known = known(number);
        return admission.admit(() -> bookings.reschedule(known, start, caller::requireContractOrShop, idempotency))
                .map(ReservationResource::answer);
    }

    @POST
    @Path("/{number}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SHOP_STAFF)
    @Operation(operationId = "checkIn", summary = "Check the customer in with an identity document (staff of the reservation's shop)",
            description = "Accepted, as originals: DRIVING_LICENCE, MY_NUMBER_CARD, PHYSICAL_DISABILITY_CERTIFICATE,"
                    + " MENTAL_DISABILITY_CERTIFICATE, INTELLECTUAL_DISABILITY_CERTIFICATE. Only on the day of the"
                    + " visit (Japan date). Publishes IdentityVerified, naming the staff member by the token's"
                    + " subject, which lets the pin-service grant the reset.")
    @APIResponse(responseCode = "200", description = "Checked in", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the reservation's shop")
    @APIResponse(responseCode = "404", description = "No such reservation")
    @APIResponse(responseCode = "409", description = "Not a booking, not the day of the visit"
            + " (check-in-not-today), or the visit was missed (check-in-closed)")
    @APIResponse(responseCode = "503", description = OVERLOADED)
    @APIResponse(responseCode = "422", description = "Document not accepted; the answer lists what is")
    public Uni<Response> checkIn(@RestPath String number, @RestHeader(IdempotencyHeader.NAME) @Parameter(description = IdempotencyHeader.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyHeader.MAX_LENGTH)) String idempotencyKey,
                                 @NotNull @Valid CheckInRequest request) {
        Caller caller = Caller.of(access);
        var idempotency = keyed(idempotencyKey, "check-in", number, request.idDocument(), String.valueOf(request.original()));
        String known = known(number);
        return admission.admit(() -> visits.checkIn(known, request.idDocument(), request.original(), caller.subject(),
                caller::requireStaffOf, idempotency)).map(ReservationResource::answer);
    }

    /** The request's Idempotency-Key in the caller's scope, if it sent one; a malformed one is a 400. */
    private Optional<IdempotentRequest> keyed(String header, String operation, String... parts) {
        return IdempotencyHeader.parse(header).map(key -> IdempotentRequest.of(access.caller(), operation, key, parts));
    }

    private static Response answer(BookingOutcome outcome) {
        Response.ResponseBuilder ok = Response.ok(outcome.reservation());
        return (outcome.replayed() ? ok.header(IdempotencyHeader.REPLAYED, "true") : ok).build();
    }

    /** Numbers outside the alphabet cannot exist: answer 404 without asking the database. */
    private static String known(String number) {
        if (!ReservationNumbers.looksValid(number)) {
            throw new ReservationNotFound(number);
        }
        return number;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(Problem.of(400, "idempotency-key-required", "Idempotency-Key required",
                    "Send a header Idempotency-Key of 1-" + MAX_KEY_LENGTH + " characters, unique per booking,"
                            + " and the same one when retrying."));
        }
        return key;
    }
}
