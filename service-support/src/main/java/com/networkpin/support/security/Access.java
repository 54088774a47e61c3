package com.networkpin.support.security;

import com.networkpin.support.Problem;
import com.networkpin.support.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token only: its subject, roles and the claims that scope a
 * role to one contract ({@code contract_id}), one shop ({@code shop_id}) or some channels
 * ({@code channels}). Resources check these before anything is read or written, so a refusal
 * writes nothing.
 */
@RequestScoped
public class Access {

    public static final String CONTRACT_CLAIM = "contract_id";
    public static final String SHOP_CLAIM = "shop_id";
    public static final String CHANNELS_CLAIM = "channels";
    public static final String SESSION_CLAIM = "sid";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Access(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The token's subject: who acted, as recorded in events. */
    public String subject() {
        return token.getSubject();
    }

    /**
     * The person's sign-in session at the identity provider (the token's {@code sid}), recorded with what they
     * do; empty for a machine client's token, which no sign-in made.
     */
    public Optional<String> session() {
        return claim(SESSION_CLAIM);
    }

    /**
     * Who acted, as events record it: the token's subject and its session. Refused (403) for a token without
     * them, so nothing is recorded without knowing whom it names.
     */
    public String requireSubject(String why) {
        return Optional.ofNullable(subject()).filter(s -> !s.isBlank()).orElseThrow(() -> forbidden(
                "The token names no subject " + why + "."));
    }

    /** The token's session; refused (403) for a token without one. */
    public String requireSession(String why) {
        return session().orElseThrow(() -> forbidden("The token names no sign-in session " + why + "."));
    }

    /**
     * The calling application: the token's authorized party ({@code azp}, the OpenID Connect client it was
     * issued to), else its subject. What admission control shares capacity by.
     */
    public String client() {
        return claim("azp").orElseGet(() -> Optional.ofNullable(subject()).orElse(""));
    }

    /**
     * Who is calling, as a scope for what it sends (e.g. its Idempotency-Keys): the token's client
     * ({@code azp}) and subject together, so that two gateways, or two agents signed in through the
     * same console, never share a scope.
     */
    public String caller() {
        return claim("azp").orElse("") + " " + Optional.ofNullable(subject()).orElse("");
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> contract() {
        return claim(CONTRACT_CLAIM);
    }

    public Optional<String> shop() {
        return claim(SHOP_CLAIM);
    }

    /** The channels a gateway's token allows (empty when the claim is missing). */
    public Set<String> channels() {
        Object value = token.getClaim(CHANNELS_CLAIM);
        if (value instanceof JsonArray array) {
            return array.stream().map(Access::text).collect(Collectors.toUnmodifiableSet());
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(Access::text).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /** For a customer: refuses unless {@code contractId} is the token's own contract. */
    public void requireOwnContractIfCustomer(String contractId) {
        if (is(Roles.CUSTOMER) && !contract().filter(contractId::equals).isPresent()) {
            throw forbidden("A customer may act only on their own contract.");
        }
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(text(value)).filter(s -> !s.isBlank());
    }

    /** Claims arrive as JSON-P values or plain Java ones, depending on the claim. */
    private static String text(Object value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
