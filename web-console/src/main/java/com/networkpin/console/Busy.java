package com.networkpin.console;

import jakarta.enterprise.context.RequestScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a service was busy while this page was made, and when to try again: the longest Retry-After
 * seen. A page made with a busy service answers 503 with that Retry-After ({@link ErrorPages}), whether it
 * shows the "busy" sentence in place of its content or beside the rest.
 */
@RequestScoped
public class Busy {

    private Duration retryAfter;

    /** Records a busy service's problem and returns it, to be thrown. */
    public ServiceProblem saw(ServiceProblem problem) {
        problem.retryAfter().ifPresent(after -> {
            if (retryAfter == null || after.compareTo(retryAfter) > 0) {
                retryAfter = after;
            }
        });
        return problem;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * A Retry-After header in seconds (what the services send); {@code fallback} when there is none or it is
     * an HTTP date. At least one second, at most ten minutes (a page asks a person to wait, not to come back
     * tomorrow).
     */
    static Duration retryAfter(Optional<String> header, Duration fallback) {
        try {
            return header.map(String::trim).map(Long::parseLong)
                    .map(seconds -> Duration.ofSeconds(Math.min(600, Math.max(1, seconds))))
                    .orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
