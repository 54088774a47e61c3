package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.networkpin.support.MovableClock;
import com.networkpin.support.security.VerifiedTokens;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A bearer token is verified once and then answered from memory — only while it is valid, only for exactly its text. */
@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Inject
    MovableClock clock;

    @Test
    void givenATokenVerifiedOnce_whenItComesAgain_thenItIsAnsweredFromMemoryWithItsOwnClaims() {
        String contract = newContractId();
        String another = newContractId();
        setPin(contract, "4827").statusCode(201);
        setPin(another, "4827").statusCode(201);
        String customer = tokens().customer(contract);
        status(customer, contract, 200);
        long before = verified.hits();

        status(customer, contract, 200);
        status(customer, another, 403); // the contract_id claim still decides

        assertEquals(before + 2, verified.hits());
    }

    @Test
    void givenACachedToken_whenOneCharacterOfItsSignatureChanges_thenItIsRefused() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String token = tokens().client("channel-gateway");
        status(token, contract, 200);

        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        status(forged, contract, 401);
        status(token, contract, 200);
    }

    @Test
    void givenACachedToken_whenTheClockPassesItsExpiry_thenItIsVerifiedAgain() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String token = tokens().client("channel-gateway");
        status(token, contract, 200);
        status(token, contract, 200);
        long hits = verified.hits();

        clock.advance(Duration.ofMinutes(6)); // past the token's expiry and the cache's age limit
        status(token, contract, 200); // Keycloak's token is still valid by the real time the verifier reads

        assertEquals(hits, verified.hits(), "not answered from memory");
        assertNotEquals(0, hits);
    }

    private static void status(String token, String contract, int expected) {
        as(token).get("/contracts/" + contract + "/pin").then().statusCode(expected);
    }
}
