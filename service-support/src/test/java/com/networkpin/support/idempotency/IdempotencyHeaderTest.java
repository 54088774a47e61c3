package com.networkpin.support.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networkpin.support.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyHeaderTest {

    @Test
    void givenNoHeader_thenNoKey() {
        assertEquals(Optional.empty(), IdempotencyHeader.parse(null));
    }

    @Test
    void givenAKeyWithOrWithoutTheDraftsQuotes_thenTheSameKey() {
        assertEquals(Optional.of("8e03978e-40d5-43e8-bc93-6894a57f9324"),
                IdempotencyHeader.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assertEquals(Optional.of("8e03978e-40d5-43e8-bc93-6894a57f9324"),
                IdempotencyHeader.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
        assertEquals(Optional.of("k".repeat(255)), IdempotencyHeader.parse("k".repeat(255)));
    }

    @Test
    void givenAMalformedKey_thenBadRequest() {
        for (String malformed : new String[] {"", "\"\"", "k".repeat(256), "a b", "caf\u00e9", "a\"b"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> IdempotencyHeader.parse(malformed),
                    malformed);
            assertEquals(400, refused.problem().status());
            assertEquals("/problems/idempotency-key-invalid", refused.problem().type());
        }
    }
}
