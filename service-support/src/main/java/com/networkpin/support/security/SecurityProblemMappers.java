package com.networkpin.support.security;

import com.networkpin.support.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals as problem+json. Authentication is lazy (quarkus.http.auth.proactive=false), so a
 * missing or bad token reaches these mappers instead of Quarkus' empty 401; the detail never says
 * which check a bad token failed.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return unauthorized("A bearer token of the network-pin realm is required.", "Bearer realm=\"network-pin\"");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized("The bearer token is not valid: it may be expired, altered, or issued for another audience.",
                "Bearer realm=\"network-pin\", error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Access.forbidden("Your role does not allow this request.").problem().toResponse();
    }

    private static Response unauthorized(String detail, String challenge) {
        return Response.fromResponse(Problem.of(401, "unauthorized", "Unauthorized", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
