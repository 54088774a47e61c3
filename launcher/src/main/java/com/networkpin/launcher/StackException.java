package com.networkpin.launcher;

/** A failure the launcher explains in one line instead of a stack trace. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message, null, false, false);
    }
}
