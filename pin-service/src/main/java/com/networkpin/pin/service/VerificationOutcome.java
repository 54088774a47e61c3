package com.networkpin.pin.service;

import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.VerificationResult;
import java.util.List;

/**
 * What a shared transaction decided for one verification: its result and the changes it committed, or
 * why not. A verification sent with an Idempotency-Key also has the answer kept for the key (a replayed
 * one has only that: it decided nothing).
 */
public record VerificationOutcome(VerificationResult result, List<PinChange> changes, RuntimeException refusal,
                                  Answer answer) {

    static VerificationOutcome decided(VerificationResult result, List<PinChange> changes, Answer answer) {
        return new VerificationOutcome(result, List.copyOf(changes), null, answer);
    }

    static VerificationOutcome refused(RuntimeException refusal) {
        return new VerificationOutcome(null, List.of(), refusal, null);
    }

    /** A final refusal answered with its problem, kept for the key. */
    static VerificationOutcome answered(Answer answer) {
        return new VerificationOutcome(null, List.of(), null, answer);
    }
}
