package com.networkpin.events;

import java.time.Instant;

/**
 * A new PIN was set at a shop under the grant of {@code reservationNumber}.
 *
 * @param staffId        the staff member who set it: their token's subject
 * @param staffSessionId their sign-in session at the identity provider (the token's {@code sid})
 * @param document       the identity document checked for the grant
 */
public record PinReset(String contractId, String reservationNumber, String staffId, String staffSessionId,
                       IdDocument document, Instant resetAt) implements PinEvent {
}
