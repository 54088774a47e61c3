package com.networkpin.reservation.domain;

import com.networkpin.events.VisitPurpose;
import java.time.Instant;

/** Book a visit to a shop for a slot starting at {@code start}. */
public record BookVisit(String contractId, String shopId, Instant start, VisitPurpose purpose) {
}
