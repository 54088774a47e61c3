package com.networkpin.eventstore.outbox;

import jakarta.enterprise.context.ApplicationScoped;

/** For tests: a failure the next relay round throws, as any failure deep inside a round would. */
@ApplicationScoped
class RelayFaults {

    private volatile Throwable injected;

    void failNextRound(Throwable failure) {
        injected = failure;
    }

    void throwInjected() {
        Throwable failure = injected;
        if (failure != null) {
            injected = null;
            throwUnchecked(failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable failure) throws T {
        throw (T) failure;
    }
}
