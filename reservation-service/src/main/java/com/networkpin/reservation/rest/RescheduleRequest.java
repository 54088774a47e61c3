package com.networkpin.reservation.rest;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RescheduleRequest(
        @NotNull @Schema(description = "New slot start at the same shop", examples = "2026-12-01T11:30:00+09:00")
        OffsetDateTime start) {
}
