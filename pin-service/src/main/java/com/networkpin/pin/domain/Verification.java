package com.networkpin.pin.domain;

import java.util.List;

/** The events one verification appends, and the answer to the channel. */
public record Verification(List<PinChange> changes, VerificationResult result) {
}
