package com.networkpin.events;

/** A message that is not an event of the catalogue; consumers send it to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
