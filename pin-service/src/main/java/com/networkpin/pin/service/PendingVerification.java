package com.networkpin.pin.service;

import com.networkpin.events.Channel;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.pin.domain.PinCode;

/**
 * A verification waiting for its lane's next transaction, with the trace of the request that made it
 * and its Idempotency-Key (null when the client sent none).
 */
public record PendingVerification(String contractId, PinCode attempt, Channel channel, String traceparent,
                                  IdempotentRequest idempotency) {
}
