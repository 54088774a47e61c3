package com.networkpin.events;

/** Events of the PIN aggregate, published on {@link Topics#PIN_EVENTS}, keyed by contract id. */
public sealed interface PinEvent extends DomainEvent
        permits PinSet, AttemptSucceeded, AttemptFailed, AttemptRefused, Locked, Unlocked,
                ResetGranted, PinReset, PinDisclosed {

    String contractId();

    @Override
    default String subject() {
        return contractId();
    }
}
