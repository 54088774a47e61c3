package com.networkpin.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every refused request (401, 403) counted by who was refused, in
 * {@code network_pin_http_refused_total{service,status,principal}}. The principal is bounded by design:
 * <ul>
 *   <li>403, a person's token (it has a sign-in session, {@code sid}): staff (support agents, shop staff,
 *       operators) by their subject, as the audit trail names them; customers, who may be millions, as
 *       {@value #CUSTOMER};</li>
 *   <li>403, a machine client's token: its client ({@code azp});</li>
 *   <li>401 without a bearer token: {@value #ANONYMOUS}; with one that failed verification: the client its
 *       unverified {@code azp} names if that client has presented a valid token here before (only the realm
 *       can make those), else {@value #UNVERIFIED}, so that made-up text never becomes a label.</li>
 * </ul>
 * Past {@value #MAX_PRINCIPALS} distinct principals, further ones are counted as {@value #OTHER}.
 */
@ApplicationScoped
public class RefusedRequests {

    static final String METRIC = "network-pin.http.refused";
    static final String ANONYMOUS = "anonymous";
    static final String UNVERIFIED = "unverified";
    static final String CUSTOMER = "customer";
    static final String OTHER = "other";
    static final int MAX_PRINCIPALS = 1000;
    static final int MAX_CLIENTS = 256;

    private static final Set<String> STAFF = Set.of(Roles.SUPPORT_AGENT, Roles.SHOP_STAFF, Roles.OPERATOR);

    private final MeterRegistry registry;
    private final String service;
    private final Set<String> knownClients = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> principals = new ConcurrentHashMap<>();

    public RefusedRequests(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.registry = registry;
        this.service = service;
    }

    /** A token this service verified: its client may name a later 401. */
    void verified(JsonWebToken token) {
        Object azp = token.getClaim("azp");
        if (azp != null && knownClients.size() < MAX_CLIENTS) {
            knownClients.add(azp.toString());
        }
    }

    /** A 403 to a verified caller. */
    void forbidden(SecurityIdentity identity) {
        count(403, identity == null || identity.isAnonymous() ? ANONYMOUS : principalOf(identity));
    }

    /** A 401; {@code authorization} is the request's header (null when absent). */
    void unauthorized(String authorization) {
        count(401, UnverifiedBearer.claims(authorization).flatMap(claims -> UnverifiedBearer.text(claims, "azp"))
                .filter(knownClients::contains)
                .orElse(UnverifiedBearer.offered(authorization) ? UNVERIFIED : ANONYMOUS));
    }

    private static String principalOf(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return OTHER;
        }
        boolean person = token.getClaim(Access.SESSION_CLAIM) != null;
        if (!person) {
            Object azp = token.getClaim("azp");
            return azp == null ? OTHER : azp.toString();
        }
        boolean staff = identity.getRoles().stream().anyMatch(STAFF::contains);
        return staff && token.getSubject() != null ? token.getSubject() : CUSTOMER;
    }

    private void count(int status, String principal) {
        String label = principals.containsKey(principal) || principals.size() < MAX_PRINCIPALS
                ? admitted(principal) : OTHER;
        Counter.builder(METRIC).description("Requests refused for want of a valid token (401) or of a right (403),"
                        + " by who was refused").tag("service", service).tag("status", Integer.toString(status))
                .tag("principal", label).register(registry).increment();
    }

    private String admitted(String principal) {
        principals.putIfAbsent(principal, Boolean.TRUE);
        return principal;
    }
}
