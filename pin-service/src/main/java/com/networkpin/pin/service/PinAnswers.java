package com.networkpin.pin.service;

import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.domain.VerificationResult;
import java.time.Instant;

/**
 * How the API writes each command's answer. A command sent with an Idempotency-Key has its answer
 * written inside its transaction, so that the answer kept for the key is the one the client got.
 */
public interface PinAnswers {

    /** A set (201) or reset (200): the PIN's status after it. */
    Answer status(int status, Pin after);

    Answer verification(VerificationResult result);

    /** The disclosed PIN: the only answer that holds one, so it is never kept as written. */
    Answer disclosed(PinCode pin, Instant disclosedAt);

    /** A final refusal (not {@linkplain PinRefused#retryable() retryable}), as its problem. */
    Answer refused(PinRefused refusal);
}
