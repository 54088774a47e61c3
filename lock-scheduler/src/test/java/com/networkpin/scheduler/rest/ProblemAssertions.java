package com.networkpin.scheduler.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.networkpin.support.Problem;
import io.restassured.response.ValidatableResponse;

/** What every error answer must be: RFC 9457 problem+json with the answer's status. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", startsWith(Problem.TYPE_PREFIX));
    }
}
