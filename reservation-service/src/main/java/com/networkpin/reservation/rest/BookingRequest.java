package com.networkpin.reservation.rest;

import com.networkpin.events.VisitPurpose;
import com.networkpin.support.ContractId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BookingRequest(
        @NotBlank @ContractId
        @Schema(examples = "C-1001")
        String contractId,
        @NotBlank @Schema(examples = "tokyo-shinjuku-west")
        String shopId,
        @NotNull @Schema(description = "Slot start with its offset, on a 15-minute boundary in Japan time",
                examples = "2026-12-01T10:00:00+09:00")
        OffsetDateTime start,
        @NotNull
        VisitPurpose purpose) {
}
