package com.networkpin.console;

import com.networkpin.console.Views.Disclosed;
import com.networkpin.console.Views.PinState;
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
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The manned chat's console: a contract's PIN state, its history as a timeline, hints for "the PIN
 * is surely right but I get an error", the disclosure (only while the pin-service says the manned
 * chat is open, after the agent chose how they checked the holder's identity and gave the chat's case number)
 * and the disclosures and resets on record. The disclosing agent and their session are the token's, which the
 * pin-service reads itself; the disclosed PIN is written into one POST answer only.
 */
@Path("/support")
@RolesAllowed("support-agent")
@Produces(MediaType.TEXT_HTML)
public class SupportPages {

    static final String CONTRACT_ID = "[A-Za-z0-9-]{1,64}";
    /** The chat's case number, as the pin-service accepts it. */
    static final String CASE_REF = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String contractId, Notice notice);

        static native TemplateInstance contract(String contractId, PinState pin, List<Timeline.Event> timeline,
                                                List<Timeline.Event> disclosures, List<String> hints, Notice notice);

        static native TemplateInstance disclosed(String contractId, Disclosed disclosed);
    }

    private final Page page;
    private final Services services;

    public SupportPages(Page page, Services services) {
        this.page = page;
        this.services = services;
    }

    @GET
    public TemplateInstance home() {
        return page.render(Templates.home(null, null));
    }

    @GET
    @Path("lookup")
    public Object lookUp(@RestQuery String contract) {
        String id = contract == null ? "" : contract.strip().toUpperCase(java.util.Locale.ROOT);
        if (!id.matches(CONTRACT_ID)) {
            return page.render(Templates.home(contract, Notice.error(msg().badContractId(), null)));
        }
        return Response.seeOther(URI.create("/support/contracts/" + id)).build();
    }

    @GET
    @Path("contracts/{contractId}")
    public TemplateInstance contract(@RestPath String contractId) {
        return contractPage(contractId, null);
    }

    /**
     * Asks the pin-service for the PIN. Outside manned hours or over the daily limit the service
     * refuses (409, 429) and writes nothing; the contract page then says when it is possible again.
     */
    @POST
    @Path("contracts/{contractId}/disclosures")
    public Object disclose(@RestPath String contractId, @RestForm String csrf, @RestForm String identityCheck,
                           @RestForm String identityCheckRef, @RestForm String identityConfirmed) {
        page.checkForm(csrf);
        String reference = identityCheckRef == null ? "" : identityCheckRef.strip();
        if (!contractId.matches(CONTRACT_ID) || !Globals.identityChecks.contains(identityCheck)
                || !reference.matches(CASE_REF) || !"true".equals(identityConfirmed)) {
            return contractPage(contractId, Notice.error(page.msg().problemRefused(), null));
        }
        try {
            Disclosed disclosed = services.disclose(page.accessToken(), contractId, identityCheck, reference);
            return Response.ok(page.render(Templates.disclosed(contractId, disclosed)))
                    .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (ServiceProblem problem) {
            return contractPage(contractId, refusal(problem));
        }
    }

    /** The disclosure is never shown again by a GET (e.g. the language switch's way back): the contract instead. */
    @GET
    @Path("contracts/{contractId}/disclosures")
    public Response noDisclosureByGet(@RestPath String contractId) {
        String id = contractId.matches(CONTRACT_ID) ? contractId : "";
        return Response.seeOther(URI.create(id.isEmpty() ? "/support" : "/support/contracts/" + id)).build();
    }

    private Notice refusal(ServiceProblem problem) {
        String opensAt = problem.text("mannedChatOpensAt");
        if (problem.status() == 409 && opensAt != null) {
            return Notice.error(msg().closedUntil(Jst.jst(OffsetDateTime.parse(opensAt))), problem.sentence());
        }
        String retryAt = problem.text("retryAt");
        if (problem.status() == 429 && retryAt != null) {
            return Notice.error(msg().limitReached(Jst.jst(OffsetDateTime.parse(retryAt))), problem.sentence());
        }
        return Notice.of(problem, page.msg());
    }

    private TemplateInstance contractPage(String contractId, Notice notice) {
        if (!contractId.matches(CONTRACT_ID)) {
            return page.render(Templates.home(contractId, Notice.error(msg().badContractId(), null)));
        }
        String token = page.accessToken();
        PinState pin = null;
        try {
            pin = services.pinState(token, contractId);
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        List<Timeline.Event> timeline = Timeline.of(services.history(token, contractId));
        List<Timeline.Event> newestFirst = new java.util.ArrayList<>(timeline);
        java.util.Collections.reverse(newestFirst);
        return page.render(Templates.contract(contractId, pin, newestFirst,
                newestFirst.stream().filter(Timeline.Event::isOnRecord).toList(), SupportHints.of(pin, timeline, msg()),
                notice));
    }

    private SupportMsg msg() {
        return page.bundle(SupportMsg.class);
    }
}
