package com.networkpin.reservation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the shop staff saw. {@code idDocument} is free text on purpose: anything not accepted is refused
 * with the list. Who checked is the token's subject; a {@code staffId} that older clients still send
 * is ignored, like any unknown member.
 */
public record CheckInRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "MY_NUMBER_CARD")
        String idDocument,
        @NotNull @Schema(description = "true for the original document, false for a copy")
        Boolean original) {
}
