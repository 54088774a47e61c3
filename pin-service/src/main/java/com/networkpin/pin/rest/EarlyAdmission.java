package com.networkpin.pin.rest;

import com.networkpin.pin.config.PinConfig;
import com.networkpin.pin.service.GroupCommit;
import com.networkpin.support.Overload;
import com.networkpin.support.ProblemException;
import com.networkpin.support.security.UnverifiedBearer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Admission of a verification when it arrives, before anything else is done with it: past capacity the
 * refusal must cost far less than the verification it spares, or refusals queue for the same event loops as
 * the admitted and every answer is late. So before the token is verified, the body read or the PIN hashed,
 * this route asks the contract's lane ({@link GroupCommit#wouldAdmit}) and answers its 503 {@code overloaded} or
 * 429 {@code too-many-requests} (with Retry-After) at once. The client is read from the bearer token's
 * {@code azp} (else {@code sub}) <em>without</em> verifying it: a refusal writes nothing, so a forged claim can
 * only choose which requests are refused; whatever passes is authenticated and admitted again as usual.
 */
@ApplicationScoped
public class EarlyAdmission {

    static final String VERIFICATIONS = "/contracts/:contractId/pin/verifications";

    private final GroupCommit groupCommit;
    private final boolean enabled;

    public EarlyAdmission(GroupCommit groupCommit, PinConfig config) {
        this.groupCommit = groupCommit;
        this.enabled = config.groupCommit().enabled() && config.groupCommit().admission().enabled();
    }

    void install(@Observes Router router) {
        if (enabled) {
            // After the stop's refusal (service-support's Draining), before authentication and the body.
            router.post(VERIFICATIONS).order(Integer.MIN_VALUE + 2).handler(this::admit);
        }
    }

    private void admit(RoutingContext ctx) {
        Optional<ProblemException> refusal = groupCommit.wouldAdmit(ctx.pathParam("contractId"),
                unverifiedClient(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
        if (refusal.isPresent()) {
            Overload.answer(ctx.response(), refusal.get());
        } else {
            ctx.next();
        }
    }

    /** The calling application as its token says, unverified: {@code azp}, else {@code sub}, else "". */
    static String unverifiedClient(String authorization) {
        return UnverifiedBearer.claims(authorization)
                .flatMap(claims -> UnverifiedBearer.text(claims, claims.has("azp") ? "azp" : "sub"))
                .orElse("");
    }
}
