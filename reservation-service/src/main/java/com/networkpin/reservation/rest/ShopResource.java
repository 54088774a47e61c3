package com.networkpin.reservation.rest;

import com.networkpin.reservation.domain.Prefectures;
import com.networkpin.reservation.service.ReservationViews;
import com.networkpin.reservation.service.ShopCatalogue;
import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import com.networkpin.support.security.Access;
import com.networkpin.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The shop finder is public; only an operator defines shops; only a shop's staff list its visits. */
@Path("/shops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "shops", description = "Shops, their opening hours and free slots")
public class ShopResource {

    private final ShopCatalogue catalogue;
    private final ReservationViews reservations;
    private final Access access;

    public ShopResource(ShopCatalogue catalogue, ReservationViews reservations, Access access) {
        this.catalogue = catalogue;
        this.reservations = reservations;
        this.access = access;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet // anyone, without a token: an empty requirement in the document
    @Operation(operationId = "listShops", summary = "List shops, optionally of one prefecture")
    @APIResponse(responseCode = "200", description = "The shops")
    @APIResponse(responseCode = "400", description = "Unknown prefecture")
    public Uni<List<ShopView>> list(@RestQuery @Parameter(description = "e.g. Tokyo, osaka, 東京都") String prefecture) {
        Optional<String> wanted = Optional.ofNullable(prefecture).filter(p -> !p.isBlank()).map(p ->
                Prefectures.canonical(p).orElseThrow(() -> new ProblemException(Problem.of(400, "unknown-prefecture",
                        "Unknown prefecture", "Name one of the 47 prefectures, e.g. Tokyo, Osaka, Hokkaido or 東京都."))));
        return catalogue.list(wanted).map(shops -> shops.stream().map(ShopView::of).toList());
    }

    @GET
    @Path("/{shopId}")
    @PermitAll
    @SecurityRequirementsSet // anyone, without a token: an empty requirement in the document
    @Operation(operationId = "getShop", summary = "One shop")
    @APIResponse(responseCode = "200", description = "The shop")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Uni<ShopView> get(@RestPath String shopId) {
        return catalogue.get(shopId).map(ShopView::of);
    }

    @GET
    @Path("/{shopId}/slots")
    @PermitAll
    @SecurityRequirementsSet // anyone, without a token: an empty requirement in the document
    @Operation(operationId = "getShopSlots", summary = "The day's 15-minute slots with free counters, in Japan time")
    @APIResponse(responseCode = "200", description = "The slots; none when the shop is closed that day")
    @APIResponse(responseCode = "400", description = "Missing or malformed date")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Uni<DaySlots> slots(@RestPath String shopId,
                               @RestQuery @Parameter(description = "YYYY-MM-DD, a Japan date", required = true)
                               String date) {
        return catalogue.slotsOn(shopId, parseDate(date));
    }

    @GET
    @Path("/{shopId}/reservations")
    @RolesAllowed(Roles.SHOP_STAFF)
    @Tag(name = "reservations")
    @Operation(operationId = "listShopReservations",
            summary = "The shop's visits of one Japan date, of every status, by slot (its own staff)")
    @APIResponse(responseCode = "200", description = "The visits; empty when there are none")
    @APIResponse(responseCode = "400", description = "Missing or malformed date")
    @APIResponse(responseCode = "403", description = "Not staff of this shop")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Uni<List<ReservationView>> reservations(@RestPath String shopId,
                                                   @RestQuery @Parameter(description = "YYYY-MM-DD, a Japan date",
                                                           required = true) String date) {
        Caller.of(access).requireStaffOf(shopId);
        return reservations.ofShopOn(shopId, parseDate(date));
    }

    @PUT
    @Path("/{shopId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Tag(name = "operator", description = "What the operator maintains")
    @Operation(operationId = "putShop", summary = "Add or replace a shop (operator)",
            description = "Existing bookings keep their slots even if the hours or counters change.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShopView.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShopView.class)))
    @APIResponse(responseCode = "400", description = "Invalid shop")
    @APIResponse(responseCode = "422", description = "Inconsistent shop (e.g. opens after it closes)")
    public Uni<Response> put(@RestPath String shopId, @NotNull @Valid ShopRequest request) {
        var shop = request.toShop(shopId);
        return catalogue.save(shop).map(added -> (added
                ? Response.created(URI.create("/shops/" + shop.id()))
                : Response.ok()).entity(ShopView.of(shop)).build());
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.of(400, "invalid-date", "Invalid date",
                    "Query parameter 'date' must be a date as YYYY-MM-DD."));
        }
    }
}
