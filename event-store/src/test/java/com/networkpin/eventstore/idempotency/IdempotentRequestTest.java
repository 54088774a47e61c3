package com.networkpin.eventstore.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

    @Test
    void givenPartsThatJoinToTheSameText_thenTheirCanonicalFormsDiffer() {
        assertNotEquals(IdempotentRequest.canonical("ab", "c"), IdempotentRequest.canonical("a", "bc"));
        assertNotEquals(IdempotentRequest.canonical("a", null), IdempotentRequest.canonical("a", ""));
    }

    @Test
    void givenTheSameRequest_thenTheSameHashAndAnotherRequestAnother() {
        IdempotentRequest first = IdempotentRequest.of("gateway", "cancel", "k-1", "R-1");
        StoredAnswer kept = new StoredAnswer(first.requestHash(), 200, "{}");

        assertTrue(IdempotentRequest.of("gateway", "cancel", "k-1", "R-1").sameRequestAs(kept));
        assertFalse(IdempotentRequest.of("gateway", "cancel", "k-1", "R-2").sameRequestAs(kept));
        assertEquals(new IdempotentRequest.ScopedKey("gateway", "cancel", "k-1"), first.key());
    }
}
