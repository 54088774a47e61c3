package com.networkpin.eventstore.idempotency;

/** The answer kept for a key: what the first request asked (its hash), its status and its body. */
public record StoredAnswer(String requestHash, int status, String body) {
}
