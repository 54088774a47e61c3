package com.networkpin.pin.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.networkpin.events.Channel;
import com.networkpin.events.IdentityCheck;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies. The PIN fields are checked by the domain (PinRules), not by bean validation:
 * a constraint message would not echo it, but the domain gives the machine-readable reason.
 */
final class PinRequests {

    /** Digits (half- or full-width), spaces, hyphens and a leading plus, as phone numbers are written. */
    static final String PHONE_NUMBER = "[+＋]?[0-9０-９ \\-－]{4,24}";

    private PinRequests() {
    }

    record SetPin(@NotNull String pin, LocalDate birthDate, @Pattern(regexp = PHONE_NUMBER) String phoneNumber) {
    }

    record Verify(@NotNull String pin, @NotNull Channel channel) {
    }

    /** A case number of the manned chat: letters, digits and hyphens, so it cannot carry a sentence. */
    static final String CASE_REF = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

    /**
     * The disclosing agent and their session are the caller's (the token's subject and {@code sid}), never
     * body fields: an {@code agentId} that older consoles still send is ignored, whatever Jackson's
     * unknown-property setting. {@code identityCheck} is one of the {@link IdentityCheck} methods an agent
     * chooses; {@code identityCheckRef} the chat's case number.
     */
    @JsonIgnoreProperties("agentId")
    record Disclose(
            @Schema(description = "How the agent checked the holder's identity. NOT_RECORDED only marks disclosures"
                    + " recorded before the method was, and is refused (400).") @NotNull IdentityCheck identityCheck,
            @Schema(description = "The chat's case number") @NotNull @Pattern(regexp = CASE_REF) String identityCheckRef) {
    }

    record Reset(@NotBlank @Size(max = 64) String reservationNumber, @NotNull String newPin, LocalDate birthDate,
                 @Pattern(regexp = PHONE_NUMBER) String phoneNumber) {
    }
}
