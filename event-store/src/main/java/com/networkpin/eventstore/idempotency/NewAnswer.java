package com.networkpin.eventstore.idempotency;

/** An answer to keep for its request's key, in the transaction that decided it. */
public record NewAnswer(IdempotentRequest request, int status, String body) {

    public StoredAnswer stored() {
        return new StoredAnswer(request.requestHash(), status, body);
    }
}
