package com.networkpin.testinfra;

import com.networkpin.localinfra.KeycloakTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens a service must refuse with 401, each wrong in one way, made from real tokens of the
 * project's Keycloak: expired, from another issuer, for another audience, unsigned ({@code alg:
 * none}), with an altered payload, and signed by a key that is not the realm's.
 */
public final class BadTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private BadTokens() {
    }

    /**
     * @param tokens   the realm's tokens
     * @param role     a role the service would accept
     * @param audience the service's audience
     * @return name → token, in a stable order
     */
    public static Map<String, String> table(KeycloakTokens tokens, String role, String audience) {
        String valid = tokens.clientToken(role, List.of(audience), 300);
        Map<String, String> table = new LinkedHashMap<>();
        table.put("expired", expired(tokens, role, audience));
        table.put("wrong issuer", tokens.masterRealmToken());
        table.put("wrong audience", tokens.clientToken(role, List.of(), 300));
        table.put("alg none", unsigned(valid));
        table.put("tampered payload", tampered(valid));
        table.put("foreign key", signedWithAnotherKey(valid));
        table.put("not a JWT", "not-a-token");
        return table;
    }

    /** A token that lived one second, once it has expired. */
    private static String expired(KeycloakTokens tokens, String role, String audience) {
        String token = tokens.clientToken(role, List.of(audience), 1);
        long expiresAt = payload(token).get("exp").asLong();
        while (System.currentTimeMillis() / 1000 <= expiresAt + 1) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** {@code token} with one claim of its payload changed, under its old signature: refused, yet it names that value. */
    public static String withClaim(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(payload(token).put(claim, value)) + "." + parts[2];
    }

    private static String unsigned(String token) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + token.split("\\.")[1] + ".";
    }

    /** The realm's signature over a payload that now claims an hour more and the operator role. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        ObjectNode payload = payload(token);
        payload.put("exp", payload.get("exp").asLong() + 3600);
        payload.withObject("/realm_access").withArray("roles").add("operator");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** Same header (the realm key's id) and payload, signed with a key of our own. */
    private static String signedWithAnotherKey(String token) {
        String[] parts = token.split("\\.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode payload(String token) {
        try {
            return (ObjectNode) JSON.readTree(DECODE.decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(ObjectNode node) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
