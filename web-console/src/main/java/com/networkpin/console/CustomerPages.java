package com.networkpin.console;

import com.networkpin.console.Views.DaySlots;
import com.networkpin.console.Views.PinState;
import com.networkpin.console.Views.Reservation;
import com.networkpin.console.Views.Shop;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The contract holder's pages, always for the contract of their token ({@code contract_id}): the
 * PIN's state with support's guidance, the shop finder, the day's slots, booking, their bookings.
 */
@Path("/customer")
@RolesAllowed("customer")
@Produces(MediaType.TEXT_HTML)
public class CustomerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PinState pin, List<GuidanceNotes.Sentence> guidance,
                                            List<Reservation> reservations, List<Views.Prefecture> prefectures,
                                            Notice notice);

        static native TemplateInstance shops(String prefecture, List<Shop> shops);

        static native TemplateInstance shop(Shop shop, LocalDate date, LocalDate first, LocalDate last, DaySlots day,
                                            String idempotencyKey, String purpose, Notice notice);

        static native TemplateInstance reservation(Reservation reservation, Notice notice);
    }

    private final Page page;
    private final Services services;
    private final int maxDaysAhead;
    private final Clock clock;

    public CustomerPages(Page page, Services services,
                         @ConfigProperty(name = "network-pin.console.max-days-ahead", defaultValue = "30") int maxDaysAhead,
                         Clock clock) {
        this.page = page;
        this.services = services;
        this.maxDaysAhead = maxDaysAhead;
        this.clock = clock;
    }

    @GET
    public TemplateInstance home(@RestQuery String done) {
        Notice notice = "cancelled".equals(done) ? Notice.info(page.msg().cancelledNotice()) : null;
        PinState pin = null;
        try {
            pin = services.pinState(page.accessToken(), contract());
        } catch (ServiceProblem problem) {
            notice = Notice.of(problem, page.msg());
        }
        List<Reservation> reservations = List.of();
        try {
            reservations = services.reservationsOf(page.accessToken(), contract());
        } catch (ServiceProblem problem) {
            notice = Notice.of(problem, page.msg());
        }
        List<Views.Prefecture> prefectures = services.shops(null).stream().map(Shop::prefectureNames).distinct()
                .sorted(Comparator.comparing(Views.Prefecture::name)).toList();
        // the page says when the lock lifts beside the PIN's state
        List<GuidanceNotes.Sentence> guidance = GuidanceNotes.of(pin == null ? null : pin.guidance(), page.msg(),
                page.lang()).stream().filter(s -> !GuidanceNotes.LOCK_LIFTS.equals(s.code())).toList();
        return page.render(Templates.home(pin, guidance, reservations, prefectures, notice));
    }

    @GET
    @Path("shops")
    public TemplateInstance shops(@RestQuery String prefecture) {
        List<Shop> shops = services.shops(prefecture);
        String named = shops.stream().map(Shop::prefectureNames)
                .filter(p -> p.name().equalsIgnoreCase(prefecture) || prefecture != null && prefecture.equals(p.nameJa()))
                .findFirst().map(p -> LocalNames.in(p, page.lang())).orElse(prefecture);
        return page.render(Templates.shops(named, shops));
    }

    @GET
    @Path("shops/{shopId}")
    public TemplateInstance shop(@RestPath String shopId, @RestQuery String date) {
        return shopPage(shopId, parseDate(date), null, UUID.randomUUID().toString(), null);
    }

    /**
     * Books, then shows the reservation (post/redirect/get: a reload shows it again, books nothing).
     * The form's Idempotency-Key makes a double submit answer the same reservation.
     */
    @POST
    @Path("reservations")
    public Object book(@RestForm String csrf, @RestForm String shopId, @RestForm String date, @RestForm String start,
                       @RestForm String purpose, @RestForm String idempotencyKey) {
        page.checkForm(csrf);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        OffsetDateTime slot = parseStart(start);
        if (slot == null || !Globals.purposes.contains(purpose)) {
            return shopPage(shopId, parseDate(date), purpose, key,
                    Notice.error(page.msg().problemRefused(), null));
        }
        try {
            Reservation booked = services.book(page.accessToken(), key, contract(), shopId, slot, purpose);
            return Response.seeOther(URI.create("/customer/reservations/" + booked.reservationNumber() + "?done=booked"))
                    .build();
        } catch (ServiceProblem problem) {
            // A refusal stores nothing, so the next try gets a fresh key; after an outage the same key
            // is kept, in case the booking was made before the answer was lost.
            return shopPage(shopId, slot.toLocalDate(), purpose, problem.isOutage() ? key : UUID.randomUUID().toString(),
                    Notice.of(problem, page.msg()));
        }
    }

    @GET
    @Path("reservations/{number}")
    public TemplateInstance reservation(@RestPath String number, @RestQuery String done) {
        Notice notice = "booked".equals(done) ? Notice.info(page.msg().bookedNotice()) : null;
        return page.render(Templates.reservation(services.reservation(page.accessToken(), number), notice));
    }

    @POST
    @Path("reservations/{number}/cancel")
    public Object cancel(@RestPath String number, @RestForm String csrf) {
        page.checkForm(csrf);
        try {
            services.cancel(page.accessToken(), number);
            return Response.seeOther(URI.create("/customer?done=cancelled")).build();
        } catch (ServiceProblem problem) {
            return page.render(Templates.reservation(services.reservation(page.accessToken(), number),
                    Notice.of(problem, page.msg())));
        }
    }

    private TemplateInstance shopPage(String shopId, LocalDate requested, String purpose, String key, Notice notice) {
        LocalDate first = Jst.today(clock);
        LocalDate last = first.plusDays(maxDaysAhead);
        LocalDate date = requested == null || requested.isBefore(first) || requested.isAfter(last) ? first : requested;
        Shop shop = services.shop(shopId);
        DaySlots day = services.slots(shopId, date);
        return page.render(Templates.shop(shop, date, first, last, day, key, purpose == null ? "PIN_RESET" : purpose,
                notice));
    }

    private String contract() {
        String contract = page.contractId();
        if (contract == null) {
            throw new io.quarkus.security.ForbiddenException("the token names no contract");
        }
        return contract;
    }

    static LocalDate parseDate(String date) {
        try {
            return date == null || date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime parseStart(String start) {
        try {
            return start == null ? null : OffsetDateTime.parse(start);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
