package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one-time codes are RFC 6238's: its SHA-1 test vectors, cut to the realm's six digits. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theCodesOfRfc6238() {
        assertEquals("287082", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void aStepIsThirtySeconds() {
        assertEquals(Totp.step(Instant.ofEpochSecond(60)), Totp.step(Instant.ofEpochSecond(89)));
        assertEquals(Totp.step(Instant.ofEpochSecond(60)) + 1, Totp.step(Instant.ofEpochSecond(90)));
    }

    @Test
    void base32AsKeycloakShowsIt() {
        assertArrayEquals(RFC_KEY, Totp.base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        assertArrayEquals(RFC_KEY, Totp.base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Totp.base32("MY======"));
        assertThrows(IllegalArgumentException.class, () -> Totp.base32("not base32!"));
    }

    @Test
    void theDemoStaffHaveTheDevelopmentRealmsSecretAndCustomersNone() {
        assertEquals("dev-totp-demo-staff!", new String(DemoOtp.key("agent1").orElseThrow(), StandardCharsets.US_ASCII));
        assertEquals(DemoOtp.code("operator1", Instant.ofEpochSecond(1234567890)),
                Totp.code(DemoOtp.key("operator1").orElseThrow(), Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals(false, DemoOtp.key("customer1").isPresent());
        assertThrows(IllegalArgumentException.class, () -> DemoOtp.code("customer1", Instant.EPOCH));
    }
}
