package com.networkpin.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every 401 and 403 a REST endpoint answers ({@link RefusedRequests}), whichever check refused: a missing
 * or bad token, a role, or a scope checked by the resource (another contract, shop or channel).
 */
public class RefusalCounter {

    private final RefusedRequests refused;

    public RefusalCounter(RefusedRequests refused) {
        this.refused = refused;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response, RoutingContext request) {
        int status = response.getStatus();
        if (status == 401) {
            refused.unauthorized(request.request().getHeader(HttpHeaders.AUTHORIZATION));
        } else if (status == 403) {
            refused.forbidden(request.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null);
        }
    }
}
