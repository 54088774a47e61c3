package com.networkpin.pin.domain;

import java.util.List;

/** The {@code PinDisclosed} record to append, and the PIN to show once to the support agent. */
public record Disclosure(List<PinChange> changes, PinCode pin) {
}
