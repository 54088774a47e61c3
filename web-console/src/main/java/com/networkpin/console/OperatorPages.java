package com.networkpin.console;

import com.networkpin.console.SchedulerViews.Listing;
import com.networkpin.console.SchedulerViews.NextMidnight;
import com.networkpin.console.SchedulerViews.PendingLock;
import com.networkpin.console.SchedulerViews.PublishedMidnight;
import com.networkpin.console.Views.InsiderPage;
import com.networkpin.console.Views.Shop;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The operator's pages: the shops (add, edit hours, closed dates, counters through the
 * reservation-service's shop API), and the lock-scheduler's pending locks, the next midnight's
 * count and the published midnights, and the audit trail of PIN disclosures and resets.
 */
@Path("/operator")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Shop> shops, NextMidnight next, Notice notice);

        static native TemplateInstance shop(ShopForm form, Notice notice);

        static native TemplateInstance locks(NextMidnight next, Listing<PendingLock> locks,
                                             Listing<PublishedMidnight> midnights);

        static native TemplateInstance audit(AuditFilter filter, InsiderPage trail, Notice notice);
    }

    private final Page page;
    private final Services services;

    public OperatorPages(Page page, Services services) {
        this.page = page;
        this.services = services;
    }

    @GET
    public TemplateInstance home(@RestQuery String done) {
        Notice notice = "saved".equals(done) ? Notice.info(msg().savedNotice()) : null;
        return page.render(Templates.home(services.shops(null), services.nextMidnight(page.accessToken()), notice));
    }

    @GET
    @Path("shops/new")
    public TemplateInstance newShop() {
        return page.render(Templates.shop(ShopForm.blank(), null));
    }

    @GET
    @Path("shops/{shopId}")
    public TemplateInstance editShop(@RestPath String shopId) {
        return page.render(Templates.shop(ShopForm.of(services.shop(shopId)), null));
    }

    /** Adds or replaces the shop; a refusal shows the form again with what was typed. */
    @POST
    @Path("shops")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object saveShop(MultivaluedMap<String, String> fields) {
        page.checkForm(fields.getFirst("csrf"));
        ShopForm form = ShopForm.of(fields);
        if (!form.hasValidId()) {
            return page.render(Templates.shop(form, Notice.error(msg().badShopId(), null)));
        }
        try {
            services.putShop(page.accessToken(), form.id(), form.definition());
            return Response.seeOther(URI.create("/operator?done=saved")).build();
        } catch (ServiceProblem problem) {
            return page.render(Templates.shop(form, Notice.of(problem, page.msg())));
        }
    }

    @GET
    @Path("locks")
    public TemplateInstance locks(@RestQuery String page) {
        int number = page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        String token = this.page.accessToken();
        return this.page.render(Templates.locks(services.nextMidnight(token), services.pendingLocks(token, number),
                services.midnights(token)));
    }

    /**
     * The audit trail of PIN disclosures and shop resets, newest first, by person, kind and Japan dates; a page at
     * a time ({@code before}: the previous page's last entry).
     */
    @GET
    @Path("audit")
    public TemplateInstance audit(@RestQuery String person, @RestQuery String action, @RestQuery String from,
                                  @RestQuery String to, @RestQuery String before) {
        AuditFilter filter = AuditFilter.of(person, action, from, to);
        if (!filter.isValid()) {
            return page.render(Templates.audit(filter, null, Notice.error(msg().badAuditFilter(), null)));
        }
        Long older = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
        try {
            return page.render(Templates.audit(filter, services.insiderActions(page.accessToken(), filter, older), null));
        } catch (ServiceProblem problem) {
            return page.render(Templates.audit(filter, null, Notice.of(problem, page.msg())));
        }
    }

    private OperatorMsg msg() {
        return page.bundle(OperatorMsg.class);
    }
}
