package com.networkpin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Refusals the pages do not handle themselves, as a page with a human sentence: a service's
 * problem detail, a role that may not see the page, a form without this session's token. Never a
 * stack trace. A page made while a service was busy answers 503 with Retry-After, also when it showed the
 * "busy" sentence beside what it could show.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Notice notice);
    }

    private final Page page;
    private final Busy busy;

    public ErrorPages(Page page, Busy busy) {
        this.page = page;
        this.busy = busy;
    }

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblem problem) {
        int status = problem.isOutage() ? 503 : problem.status() == 401 ? 403 : problem.status();
        Response answer = page(status, Notice.of(problem, page.msg()));
        return problem.retryAfter().map(after -> Response.fromResponse(answer)
                .header(HttpHeaders.RETRY_AFTER, after.toSeconds()).build()).orElse(answer);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused) {
        return page(403, Notice.error(page.msg().forbidden(), null));
    }

    @ServerExceptionMapper
    public Response formExpired(FormGuard.FormExpired refused) {
        return page(403, Notice.error(page.msg().formExpired(), null));
    }

    /** A page (not a redirect) made with a busy service: 503 and when to try again. */
    @ServerResponseFilter
    public void answerBusy(ContainerResponseContext response) {
        busy.retryAfter().ifPresent(after -> {
            if (response.getStatus() < 300) {
                response.setStatus(503);
            }
            if (response.getStatus() == 503) {
                response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(after.toSeconds()));
            }
        });
    }

    private Response page(int status, Notice notice) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page.render(Templates.error(notice))).build();
    }
}
