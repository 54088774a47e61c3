package com.networkpin.pin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The client an arriving verification is admitted as, read from its bearer token without verifying it. */
class EarlyAdmissionTest {

    private static String token(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void givenATokenWithAzp_whenRead_thenTheClientIsItsAzp() {
        assertEquals("channel-gateway",
                EarlyAdmission.unverifiedClient("Bearer " + token("{\"azp\":\"channel-gateway\",\"sub\":\"u-1\"}")));
    }

    @Test
    void givenATokenWithoutAzp_whenRead_thenTheClientIsItsSubject() {
        assertEquals("u-1", EarlyAdmission.unverifiedClient("bearer " + token("{\"sub\":\"u-1\"}")));
    }

    @Test
    void givenNoOrAnUnreadableToken_whenRead_thenTheClientIsEmpty() {
        assertEquals("", EarlyAdmission.unverifiedClient(null));
        assertEquals("", EarlyAdmission.unverifiedClient("Basic dXNlcjpwYXNz"));
        assertEquals("", EarlyAdmission.unverifiedClient("Bearer not-a-jwt"));
        assertEquals("", EarlyAdmission.unverifiedClient("Bearer a.!!!.c"));
        assertEquals("", EarlyAdmission.unverifiedClient("Bearer " + token("[1,2]")));
        assertEquals("", EarlyAdmission.unverifiedClient("Bearer " + token("{\"azp\":42}")));
    }
}
