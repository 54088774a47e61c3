package com.networkpin.events;

import java.time.Instant;

/**
 * A support agent confirmed a forgotten PIN to its holder after an identity check. Never carries the PIN.
 *
 * @param agentId          the agent: their token's subject
 * @param agentSessionId   the agent's sign-in session at the identity provider (the token's {@code sid})
 * @param identityCheck    how the agent confirmed the holder's identity
 * @param identityCheckRef the chat's case number, where the check can be followed up
 */
public record PinDisclosed(String contractId, String agentId, String agentSessionId, IdentityCheck identityCheck,
                           String identityCheckRef, Instant disclosedAt) implements PinEvent {
}
