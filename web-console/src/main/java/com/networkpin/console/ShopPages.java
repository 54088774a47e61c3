package com.networkpin.console;

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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The shop terminal of a staff member's own shop ({@code shop_id} of the token): open a visit by
 * its reservation number, check the customer in with an original identity document, and hand the
 * terminal to the customer for the new PIN. The PIN travels only in a POST body to the pin-service;
 * it is never put in a URL, logged, or written back into a page.
 */
@Path("/shop")
@RolesAllowed("shop-staff")
@Produces(MediaType.TEXT_HTML)
public class ShopPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Shop shop, LocalDate date, List<Reservation> visits, String number,
                                            Notice notice);

        static native TemplateInstance visit(Reservation visit, boolean pinSet, Notice notice);
    }

    private final Page page;
    private final Services services;
    private final Duration completionWait;
    private final Clock clock;

    public ShopPages(Page page, Services services,
                     @ConfigProperty(name = "network-pin.console.completion-wait") Duration completionWait, Clock clock) {
        this.page = page;
        this.services = services;
        this.completionWait = completionWait;
        this.clock = clock;
    }

    /** The shop's visits of a day (today in Japan unless another date is asked for), each linked to its page. */
    @GET
    public TemplateInstance home(@RestQuery String date) {
        LocalDate day = CustomerPages.parseDate(date);
        return homePage(day == null ? Jst.today(clock) : day, null, null);
    }

    /** The number the customer shows: upper case, spaces dropped. */
    @GET
    @Path("visit")
    public Object open(@RestQuery String number) {
        String normalised = number == null ? "" : number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z0-9]{1,16}")) {
            return homePage(Jst.today(clock), number, Notice.error(page.msg().problemRefused(), null));
        }
        return Response.seeOther(URI.create("/shop/visits/" + normalised)).build();
    }

    @GET
    @Path("visits/{number}")
    public TemplateInstance visit(@RestPath String number, @RestQuery String done) {
        Notice notice = switch (done == null ? "" : done) {
            case "checked-in" -> Notice.info(page.msg().checkedInNotice());
            case "pin-set" -> Notice.info(page.msg().pinSetNotice());
            default -> null;
        };
        Reservation visit;
        try {
            visit = services.reservation(page.accessToken(), number);
        } catch (ServiceProblem problem) {
            return homePage(Jst.today(clock), number, Notice.of(problem, page.msg()));
        }
        boolean pinSet = "pin-set".equals(done);
        if (pinSet && visit.isCheckedIn()) {
            notice = Notice.info(page.msg().pinSetNotice() + " " + page.msg().completing());
        }
        return page.render(Templates.visit(visit, pinSet, notice));
    }

    @POST
    @Path("visits/{number}/check-in")
    public Object checkIn(@RestPath String number, @RestForm String csrf, @RestForm String idDocument,
                          @RestForm String original) {
        page.checkForm(csrf);
        try {
            services.checkIn(page.accessToken(), number, idDocument == null ? "" : idDocument, "true".equals(original));
            return Response.seeOther(URI.create("/shop/visits/" + number + "?done=checked-in")).build();
        } catch (ServiceProblem problem) {
            return visitWith(number, Notice.of(problem, page.msg()));
        }
    }

    /**
     * The customer's new PIN, under the reset grant that the check-in earned. A weak PIN is refused
     * with its reason; a grant still on its way is a retryable refusal. Afterwards, waits a moment for
     * the visit to be completed (the reservation-service learns of the reset through Kafka).
     */
    @POST
    @Path("visits/{number}/pin")
    public Object newPin(@RestPath String number, @RestForm String csrf, @RestForm String newPin) {
        page.checkForm(csrf);
        Reservation visit = services.reservation(page.accessToken(), number);
        try {
            services.resetPin(page.accessToken(), visit.contractId(), number, newPin == null ? "" : newPin);
        } catch (ServiceProblem problem) {
            return visitWith(visit, refusal(problem));
        }
        awaitCompletion(number);
        return Response.seeOther(URI.create("/shop/visits/" + number + "?done=pin-set")).build();
    }

    private Notice refusal(ServiceProblem problem) {
        Msg msg = page.msg();
        if (problem.status() == 422 && problem.text("reason") != null) {
            return Notice.error(msg.weakPin(problem.text("reason")), problem.sentence());
        }
        if (problem.status() == 409 && "GRANT_NOT_RECEIVED".equals(problem.text("reason"))) {
            return Notice.error(msg.grantPending(), problem.sentence());
        }
        return Notice.of(problem, msg);
    }

    private void awaitCompletion(String number) {
        long deadline = System.nanoTime() + completionWait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("COMPLETED".equals(services.reservation(page.accessToken(), number).status())) {
                    return;
                }
                Thread.sleep(250);
            } catch (ServiceProblem problem) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private TemplateInstance visitWith(String number, Notice notice) {
        return visitWith(services.reservation(page.accessToken(), number), notice);
    }

    private TemplateInstance visitWith(Reservation visit, Notice notice) {
        return page.render(Templates.visit(visit, false, notice));
    }

    private TemplateInstance homePage(LocalDate date, String number, Notice notice) {
        Shop shop = ownShop();
        List<Reservation> visits = List.of();
        try {
            visits = services.visitsOf(page.accessToken(), shop.id(), date);
        } catch (ServiceProblem problem) {
            notice = notice != null ? notice : Notice.of(problem, page.msg());
        }
        return page.render(Templates.home(shop, date, visits, number, notice));
    }

    private Shop ownShop() {
        String shop = page.shopId();
        if (shop == null) {
            throw new io.quarkus.security.ForbiddenException("the token names no shop");
        }
        return services.shop(shop);
    }
}
