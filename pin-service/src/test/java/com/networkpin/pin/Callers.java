package com.networkpin.pin;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakTokens;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Requests with a real token of the project's Keycloak, one per kind of caller of the PIN API. */
public final class Callers {

    private Callers() {
    }

    /** A channel gateway allowed every channel. */
    public static RequestSpecification asChannel() {
        return as(tokens().client("channel-gateway"));
    }

    /** The contracting system, which sets first PINs. */
    public static RequestSpecification asContracting() {
        return as(tokens().client("contracting-system"));
    }

    /** A manned-chat support agent of the realm file. */
    public static RequestSpecification asAgent() {
        return as(agentToken());
    }

    public static String agentToken() {
        return tokens().user("agent1");
    }

    /** The operator of the realm file, who may move a demo clock. */
    public static RequestSpecification asOperator() {
        return as(tokens().user("operator1"));
    }

    /** A staff member of {@code shopId}. */
    public static RequestSpecification asShopStaff(String shopId) {
        return as(tokens().shopStaff(shopId));
    }

    /** The holder of {@code contractId}. */
    public static RequestSpecification asCustomer(String contractId) {
        return as(tokens().customer(contractId));
    }

    /** The token's {@code sub} claim: who the service records as having acted. */
    public static String subjectOf(String token) {
        return claimOf(token, "sub");
    }

    /** The token's {@code sid} claim: the sign-in session the service records with what a person did. */
    public static String sessionOf(String token) {
        return claimOf(token, "sid");
    }

    /** A claim of the token's payload, null when it has none. */
    public static String claimOf(String token, String claim) {
        try {
            var value = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get(claim);
            return value == null ? null : value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static KeycloakTokens tokens() {
        return Infrastructure.tokens();
    }
}
