package com.networkpin.pin.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.pin.domain.Credential;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.PinSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What is kept for a disclosure's Idempotency-Key: the disclosed PIN sealed as a credential is (AES-GCM
 * under the PIN secrets' active key, bound to the contract), never in clear. A replay opens it again, so
 * it answers the PIN that was disclosed, even if the PIN was reset since, without a second disclosure.
 */
@ApplicationScoped
public class SealedDisclosures {

    /** The kept form: when, and the sealed PIN. */
    record Sealed(Instant disclosedAt, Credential sealed) {
    }

    private final PinSecrets secrets;
    private final ObjectMapper json;

    public SealedDisclosures(PinSecrets secrets, ObjectMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    String seal(String contractId, PinCode pin, Instant disclosedAt) {
        try {
            return json.writeValueAsString(new Sealed(disclosedAt, secrets.protect(contractId, pin)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed disclosure cannot be written: " + e.getClass().getSimpleName());
        }
    }

    /** The disclosure as first answered, from what {@link #seal} kept. */
    Answer open(String contractId, String kept, PinAnswers answers) {
        try {
            Sealed sealed = json.readValue(kept, Sealed.class);
            Answer first = answers.disclosed(secrets.reveal(contractId, sealed.sealed()), sealed.disclosedAt());
            return new Answer(first.status(), first.body(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed disclosure cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
