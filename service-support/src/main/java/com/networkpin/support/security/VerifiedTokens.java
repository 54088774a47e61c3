package com.networkpin.support.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this service has verified, by their exact text, until the token expires (at most
 * {@link #MAX_AGE}). A gateway sends the same token with thousands of requests; checking its RS256
 * signature and parsing its claims for each of them was most of a verification's CPU. A token is only
 * ever verified locally (signature, issuer, audience, expiry), so reusing the outcome until its expiry
 * accepts exactly the requests the verifier would; any other text, one character changed, is verified
 * anew. The cached identity keeps no request: each hit gets the current request's routing context.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;
    /** Marks an identity served from here, so that it is not stored again. */
    static final String FROM_CACHE = "network-pin.verified-token-cache";

    private record Verified(SecurityIdentity identity, Instant until) {
    }

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LongAdder hits = new LongAdder();

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The identity of an earlier verification of exactly this token, while the token is valid. */
    Optional<SecurityIdentity> find(String token, RoutingContext request) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.until())) {
            byToken.remove(token, verified);
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(QuarkusSecurityIdentity.builder(verified.identity())
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, request)
                .build());
    }

    /** Keeps an identity the OpenID Connect verifier has just built from a JWT. */
    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        // A bearer access token only: a browser session's identity (ID token, refresh) is the sign-in's business.
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null || identity.getCredential(IdTokenCredential.class) != null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = min(Instant.ofEpochSecond(jwt.getExpirationTime()), now.plus(MAX_AGE));
        if (!now.isBefore(until)) {
            return;
        }
        makeRoom(now);
        byToken.put(credential.getToken(), new Verified(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .build(), until));
    }

    /** Requests answered without verifying their token again. */
    public long hits() {
        return hits.sum();
    }

    /** Bounded memory: expired entries go first, and if that is not enough, all of them. */
    private void makeRoom(Instant now) {
        if (byToken.size() < MAX_ENTRIES) {
            return;
        }
        byToken.values().removeIf(verified -> !now.isBefore(verified.until()));
        if (byToken.size() >= MAX_ENTRIES) {
            byToken.clear();
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
