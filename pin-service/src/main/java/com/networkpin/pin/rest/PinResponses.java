package com.networkpin.pin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networkpin.events.JapanTime;
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

    /** What support can do for the customer now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Guidance(String chatbot, MannedChat mannedChat, String shopReset) {

        static Guidance of(Pin pin, PinPolicy policy, Instant now) {
            String chatbot = "The support chatbot answers 24 hours a day about the PIN's state.";
            String shop = pin.status() == PinStatus.LOCKED
                    ? "The lock lifts by itself at " + JapanTime.format(pin.unlocksAt(), policy.zone()) + " (00:00 "
                    + policy.zone() + "). To reset"
                    + " the PIN sooner, book a shop visit for a PIN reset (no fee) and bring an original identity"
                    + " document: driving licence, My Number card or disability certificate."
                    : "A PIN change or reset is done at a shop: book a visit (no fee for PIN reset or change) and"
                    + " bring an original identity document: driving licence, My Number card or disability certificate.";
            return new Guidance(chatbot, MannedChat.of(policy, now), shop);
        }
    }

    record MannedChat(boolean openNow, String hours, Instant nextOpening, String forgottenPin) {

        static MannedChat of(PinPolicy policy, Instant now) {
            return new MannedChat(policy.isMannedChatOpen(now),
                    policy.mannedChatOpens() + "-" + policy.mannedChatCloses() + " " + policy.zone(),
                    policy.nextMannedChatOpening(now),
                    "Only the manned chat confirms a forgotten PIN, after checking identity; ask it before the PIN locks.");
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
