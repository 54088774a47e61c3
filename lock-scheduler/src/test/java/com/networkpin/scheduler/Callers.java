package com.networkpin.scheduler;

import static io.restassured.RestAssured.given;

import com.networkpin.localinfra.Infrastructure;
import io.restassured.specification.RequestSpecification;

/** Requests with a real token of the project's Keycloak. */
public final class Callers {

    private Callers() {
    }

    /** As the demo realm's operator, the one role the scheduler's API serves. */
    public static RequestSpecification asOperator() {
        return as(Infrastructure.tokens().user("operator1"));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
