package com.networkpin.eventstore.store;

/**
 * Another writer appended to the stream first (or the database chose this transaction as the loser
 * of a serialisation conflict). The whole command can be retried on fresh state.
 */
public class ConcurrencyConflict extends RuntimeException {

    public ConcurrencyConflict(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion, null, false, false);
    }

    ConcurrencyConflict(String message) {
        super(message, null, false, false);
    }

    public ConcurrencyConflict(Throwable cause) {
        super("concurrent update: " + cause.getMessage(), cause, false, false);
    }
}
