package com.networkpin.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs after every other augmentor: keeps the identity of a bearer token just verified in {@link VerifiedTokens},
 * and tells {@link RefusedRequests} its client.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens verified;
    private final RefusedRequests refused;

    public VerifiedTokenRecorder(VerifiedTokens verified, RefusedRequests refused) {
        this.verified = verified;
        this.refused = refused;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        verified.remember(identity);
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            refused.verified(token);
        }
        return Uni.createFrom().item(identity);
    }
}
