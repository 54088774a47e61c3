package com.networkpin.pin.service;

import com.networkpin.eventstore.idempotency.StoredAnswer;

/**
 * An answer as the client gets it: status and JSON body (a problem's from 400 on); {@code replayed}
 * when it is the kept answer of an earlier request with the same Idempotency-Key.
 */
public record Answer(int status, String body, boolean replayed) {

    public static Answer of(int status, String body) {
        return new Answer(status, body, false);
    }

    static Answer replayOf(StoredAnswer stored) {
        return new Answer(stored.status(), stored.body(), true);
    }

    public boolean problem() {
        return status >= 400;
    }
}
