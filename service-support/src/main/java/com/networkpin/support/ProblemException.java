package com.networkpin.support;

/**
 * Thrown by a service to answer with a problem. Its message is the problem's title and detail,
 * which the code writes itself: never put request values (a PIN!) in it.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
