package com.networkpin.support.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims of a request's bearer token, read <em>without</em> verifying it: only for choices a forged claim
 * cannot turn into a right (which share of the capacity a request is refused from, which known client a
 * refusal is counted under). Whatever the request may do is decided by the verified token.
 */
public final class UnverifiedBearer {

    private static final String BEARER = "Bearer ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnverifiedBearer() {
    }

    /** Whether the Authorization header offers a bearer token (the scheme is case-insensitive). */
    public static boolean offered(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** The token's claims (its payload as a JSON object); empty if there is no bearer token or it is unreadable. */
    public static Optional<JsonNode> claims(String authorization) {
        if (!offered(authorization)) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(first + 1, second)));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // authentication will refuse it
        }
    }

    /** A claim that is text; empty if the claim is absent or of another type. */
    public static Optional<String> text(JsonNode claims, String name) {
        return Optional.ofNullable(claims.get(name)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
