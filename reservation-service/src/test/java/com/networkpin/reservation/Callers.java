package com.networkpin.reservation;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakTokens;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Requests with a real token of the project's Keycloak; a fresh contract or shop gets its own person there. */
public final class Callers {

    private Callers() {
    }

    /** The holder of the contract (token claim contract_id). */
    public static RequestSpecification asCustomer(String contract) {
        return as(tokens().customer(contract));
    }

    /** A staff member of the shop (token claim shop_id). */
    public static RequestSpecification asStaff(String shop) {
        return as(tokens().shopStaff(shop));
    }

    /** The demo realm's operator, who defines shops. */
    public static RequestSpecification asOperator() {
        return as(tokens().user("operator1"));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static KeycloakTokens tokens() {
        return Infrastructure.tokens();
    }

    /** The token's {@code sub}: who a service records as having acted. */
    public static String subjectOf(String token) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                    .get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
