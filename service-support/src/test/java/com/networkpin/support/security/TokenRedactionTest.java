package com.networkpin.support.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class TokenRedactionTest {

    private static final String JWS = "eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIn0.eyJzdWIiOiJhZ2VudDEifQ.GQyrF_PY39Cbc361-MYGrVTKQ";

    @Test
    void aRefusedTokenInOidcsWarningIsRedactedAndTheReasonStays() {
        LogRecord record = new LogRecord(Level.WARNING, "Token verification has failed: %s");
        record.setParameters(new Object[] {"Invalid JWS Signature: JsonWebSignature{\"alg\":\"RS256\"}->" + JWS});

        assertTrue(new TokenRedaction().isLoggable(record));

        assertArrayEquals(new Object[] {"Invalid JWS Signature: JsonWebSignature{\"alg\":\"RS256\"}->[token redacted]"},
                record.getParameters());
    }

    @Test
    void unsignedTokensBearerCredentialsAndMessagesAreRedactedToo() {
        String unsigned = JWS.substring(0, JWS.lastIndexOf('.') + 1);
        assertEquals("alg none: [token redacted] end", TokenRedaction.redact("alg none: " + unsigned + " end"));
        assertEquals("Authorization: Bearer [token redacted]",
                TokenRedaction.redact("Authorization: Bearer not-a-jwt.but+secret=="));
        assertEquals("WWW-Authenticate: Bearer realm=\"network-pin\"",
                TokenRedaction.redact("WWW-Authenticate: Bearer realm=\"network-pin\""));

        LogRecord record = new LogRecord(Level.INFO, "token " + JWS);
        new TokenRedaction().isLoggable(record);
        assertEquals("token [token redacted]", record.getMessage());
    }

    @Test
    void otherParametersAreLeftAsTheyAre() {
        LogRecord record = new LogRecord(Level.INFO, "%d PINs unlocked for %s");
        Object[] parameters = {12, "C-1"};
        record.setParameters(parameters);

        new TokenRedaction().isLoggable(record);

        assertArrayEquals(new Object[] {12, "C-1"}, record.getParameters());
    }
}
