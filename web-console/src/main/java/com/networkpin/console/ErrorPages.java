package com.networkpin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals the pages do not handle themselves, as a page with a human sentence: a service's
 * problem detail, a role that may not see the page, a form without this session's token. Never a
 * stack trace.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Notice notice);
    }

    private final Page page;

    public ErrorPages(Page page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblem problem) {
        int status = problem.isOutage() ? 503 : problem.status() == 401 ? 403 : problem.status();
        return page(status, Notice.of(problem, page.msg()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused) {
        return page(403, Notice.error(page.msg().forbidden(), null));
    }

    @ServerExceptionMapper
    public Response formExpired(FormGuard.FormExpired refused) {
        return page(403, Notice.error(page.msg().formExpired(), null));
    }

    private Response page(int status, Notice notice) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page.render(Templates.error(notice))).build();
    }
}
