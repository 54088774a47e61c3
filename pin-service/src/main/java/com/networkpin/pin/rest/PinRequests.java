package com.networkpin.pin.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.networkpin.events.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

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

    /**
     * The disclosing agent is the caller (the token's subject), never a body field: an {@code agentId}
     * that older consoles still send is ignored, whatever Jackson's unknown-property setting.
     */
    @JsonIgnoreProperties("agentId")
    record Disclose(@NotBlank @Size(max = 128) String identityCheckRef) {
    }

    record Reset(@NotBlank @Size(max = 64) String reservationNumber, @NotNull String newPin, LocalDate birthDate,
                 @Pattern(regexp = PHONE_NUMBER) String phoneNumber) {
    }
}
