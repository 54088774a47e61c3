package com.networkpin.pin.domain;

import com.networkpin.events.AttemptSucceeded;
import java.time.Instant;
import java.util.List;

/** What the verifying channel is told: verified, wrong (with attempts left), or locked (until when). */
public record VerificationResult(Outcome outcome, Integer remainingAttempts, Instant unlocksAt) {

    public enum Outcome {
        VERIFIED,
        MISMATCH,
        LOCKED
    }

    static VerificationResult of(Pin after, List<PinChange> changes, PinPolicy policy) {
        if (after.status() == PinStatus.LOCKED) {
            return new VerificationResult(Outcome.LOCKED, 0, after.unlocksAt());
        }
        if (changes.get(changes.size() - 1).event() instanceof AttemptSucceeded) {
            return new VerificationResult(Outcome.VERIFIED, policy.maxConsecutiveFailures(), null);
        }
        return new VerificationResult(Outcome.MISMATCH, after.remainingAttempts(policy), null);
    }
}
