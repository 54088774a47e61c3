package com.networkpin.pin.service;

import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.VerificationResult;
import java.util.List;

/** What a shared transaction decided for one verification: its answer and the changes it committed, or why not. */
public record VerificationOutcome(VerificationResult result, List<PinChange> changes, RuntimeException refusal) {

    static VerificationOutcome decided(VerificationResult result, List<PinChange> changes) {
        return new VerificationOutcome(result, List.copyOf(changes), null);
    }

    static VerificationOutcome refused(RuntimeException refusal) {
        return new VerificationOutcome(null, List.of(), refusal);
    }
}
