package com.networkpin.eventstore.consume;

/** A consumer gave up retrying because the application is shutting down; its records are redelivered. */
public class ConsumerStopped extends RuntimeException {

    public ConsumerStopped(String consumer, Throwable lastFailure) {
        super(consumer + " stopped retrying: the application is shutting down", lastFailure);
    }
}
