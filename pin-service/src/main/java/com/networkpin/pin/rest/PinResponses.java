package com.networkpin.pin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networkpin.events.PinEvent;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinStatus;
import com.networkpin.pin.domain.VerificationResult;
import java.time.Instant;
import java.util.UUID;

/** Response bodies. None carries a PIN except {@link Disclosed}. */
final class PinResponses {

    private PinResponses() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(String contractId, PinStatus status, int consecutiveFailures, int remainingAttempts,
                  Instant lockedAt, Instant unlocksAt, Guidance guidance) {

        static Status of(Pin pin, PinPolicy policy, Instant now) {
            return new Status(pin.contractId(), pin.status(), pin.consecutiveFailures(),
                    pin.status() == PinStatus.NOT_SET ? 0 : pin.remainingAttempts(policy), pin.lockedAt(),
                    pin.unlocksAt(), Guidance.of(pin, policy, now));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(VerificationResult.Outcome outcome, Integer remainingAttempts, Instant unlocksAt) {

        static Verification of(VerificationResult result) {
            return new Verification(result.outcome(),
                    result.outcome() == VerificationResult.Outcome.MISMATCH ? result.remainingAttempts() : null,
                    result.unlocksAt());
        }
    }

    record HistoryEntry(long version, UUID eventId, String type, PinEvent data) {

        static HistoryEntry of(long version, PinChange change) {
            return new HistoryEntry(version, change.eventId(), change.event().getClass().getSimpleName(), change.event());
        }
    }

    record Disclosed(String pin, Instant disclosedAt) {
    }
}
