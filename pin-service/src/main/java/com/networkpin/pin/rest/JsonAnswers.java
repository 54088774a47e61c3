package com.networkpin.pin.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.domain.VerificationResult;
import com.networkpin.pin.service.Answer;
import com.networkpin.pin.service.PinAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** The answers as the API writes them (the bodies of {@link PinResponses}, a refusal's problem). */
@ApplicationScoped
public class JsonAnswers implements PinAnswers {

    private final ObjectMapper json;
    private final PinPolicy policy;
    private final Clock clock;

    public JsonAnswers(ObjectMapper json, PinPolicy policy, Clock clock) {
        this.json = json;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Answer status(int status, Pin after) {
        return Answer.of(status, write(PinResponses.Status.of(after, policy, clock.instant())));
    }

    @Override
    public Answer verification(VerificationResult result) {
        return Answer.of(200, write(PinResponses.Verification.of(result)));
    }

    @Override
    public Answer disclosed(PinCode pin, Instant disclosedAt) {
        return Answer.of(200, write(new PinResponses.Disclosed(pin.digits(), disclosedAt)));
    }

    @Override
    public Answer refused(PinRefused refusal) {
        return Answer.of(RefusalMapper.problem(refusal).status(), write(RefusalMapper.problem(refusal)));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // No cause: a disclosure's body holds the PIN.
            throw new IllegalStateException("an answer cannot be written: " + e.getClass().getSimpleName());
        }
    }
}
