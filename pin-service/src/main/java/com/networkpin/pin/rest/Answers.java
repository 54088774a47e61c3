package com.networkpin.pin.rest;

import com.networkpin.pin.service.Answer;
import com.networkpin.support.Problem;
import com.networkpin.support.idempotency.IdempotencyHeader;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An answer of the service as the HTTP response, marked when it is a kept answer given again. */
final class Answers {

    private Answers() {
    }

    static Response.ResponseBuilder response(Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(answer.problem() ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(answer.body());
        return answer.replayed() ? response.header(IdempotencyHeader.REPLAYED, "true") : response;
    }
}
