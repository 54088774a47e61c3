package com.networkpin.events;

import java.time.Instant;

/** A support agent confirmed a forgotten PIN to its holder after an identity check. Never carries the PIN. */
public record PinDisclosed(String contractId, String agentId, String identityCheckRef, Instant disclosedAt)
        implements PinEvent {
}
