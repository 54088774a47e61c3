package com.networkpin.pin.domain;

import java.time.Instant;

/**
 * One entry of the audit trail: a disclosure or a reset, by whom, in which sign-in session, after which
 * identity check, on which contract, when.
 *
 * @param id            the entry's place in the trail: later entries have higher ids
 * @param action        {@code disclosure} or {@code reset}
 * @param identityCheck the manned chat's method (IdentityCheck) or the document the shop checked (IdDocument)
 * @param reference     the chat's case number, or the shop reservation
 */
public record InsiderAction(long id, String action, String actorId, String sessionId, String identityCheck,
                            String reference, String contractId, Instant at) {

    public static final String DISCLOSURE = "disclosure";
    public static final String RESET = "reset";
}
