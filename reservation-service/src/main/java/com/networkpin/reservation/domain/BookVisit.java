package com.networkpin.reservation.domain;

import com.networkpin.events.ContractIds;
import com.networkpin.events.VisitPurpose;
import java.time.Instant;

/**
 * Book a visit to a shop for a slot starting at {@code start}.
 *
 * @param walkInAllowed true when the shop's own staff book at the counter: they may also take the
 *                      slot in progress (a walk-in), which is otherwise in the past
 */
public record BookVisit(String contractId, String shopId, Instant start, VisitPurpose purpose,
                        boolean walkInAllowed) {

    /** Only a contract that can have a PIN can book a visit, or a PIN reset visit could never reset it. */
    public BookVisit {
        ContractIds.requireValid(contractId);
    }
}
