package com.networkpin.events;

import java.time.Instant;

/** The contract holder chose a PIN. The PIN itself never leaves the pin-service. */
public record PinSet(String contractId, Instant setAt) implements PinEvent {
}
