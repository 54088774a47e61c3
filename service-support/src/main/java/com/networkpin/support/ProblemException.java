package com.networkpin.support;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown by a service to answer with a problem. Its message is the problem's title and detail,
 * which the code writes itself: never put request values (a PIN!) in it.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** A problem the same request may try again after {@code retryAfter} (answered with Retry-After). */
    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The Retry-After header's value: whole seconds, at least 1 (a client must not be told to retry at once). */
    public Optional<String> retryAfterHeader() {
        return retryAfter().map(after -> Long.toString(Math.max(1, after.toSeconds())));
    }
}
