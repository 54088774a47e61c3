package com.networkpin.pin.rest;

import static com.networkpin.pin.TestData.footprint;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.verify;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.support.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A verification admission control refuses is answered 503 problem {@code overloaded} with Retry-After, and
 * nothing is decided or written; a full lane refuses before the request's token or body is read
 * ({@link EarlyAdmission}). Lanes that admit nothing (a bound of 0) make every verification such a one.
 */
@QuarkusTest
@TestProfile(OverloadTest.LanesAdmitNothing.class)
class OverloadTest {

    @Inject
    Pool pool;

    public static class LanesAdmitNothing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("network-pin.pin.group-commit.admission.bound", "0",
                    "network-pin.pin.group-commit.admission.retry-after", "PT3S");
        }
    }

    @Test
    void givenAFullLane_whenAWrongPinIsVerified_thenItIsRefused503WithRetryAfterAndNothingIsRecorded() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String before = footprint(pool, contract);

        verify(contract, "1357").statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "3")
                .body("type", equalTo("/problems/overloaded"))
                .body("status", equalTo(503));

        assertEquals(before, footprint(pool, contract), "no event, snapshot or grant changed");
    }

    @Test
    void givenAFullLane_whenAVerificationArrivesWithoutTokenOrReadableBody_thenItIsRefused503BeforeEitherIsRead() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String before = footprint(pool, contract);

        RestAssured.given().contentType("application/json").body("{not json")
                .post("/contracts/{c}/pin/verifications", contract)
                .then().statusCode(503)
                .header("Retry-After", "3")
                .body("type", equalTo("/problems/overloaded"));

        assertEquals(before, footprint(pool, contract));
    }
}
