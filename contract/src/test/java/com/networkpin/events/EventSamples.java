package com.networkpin.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One fixed, fully populated example of every event in the catalogue. */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-11-24T14:59:59Z");
    static final Instant MIDNIGHT = Instant.parse("2026-11-24T15:00:00Z");
    static final String CONTRACT = "C-0001";
    static final String RESERVATION = "R7K2QX";
    static final String SESSION = "5c1e0a52-8d0b-4c3e-9a51-2f6b7d9e4a10";

    private EventSamples() {
    }

    static DomainEvent of(EventType type) {
        return switch (type) {
            case PIN_SET -> new PinSet(CONTRACT, AT);
            case ATTEMPT_SUCCEEDED -> new AttemptSucceeded(CONTRACT, Channel.MY_DOCOMO, AT);
            case ATTEMPT_FAILED -> new AttemptFailed(CONTRACT, Channel.D_PAYMENT, 2, 1, AT);
            case ATTEMPT_REFUSED -> new AttemptRefused(CONTRACT, Channel.BILLING, AT, MIDNIGHT);
            case LOCKED -> new Locked(CONTRACT, AT, MIDNIGHT);
            case UNLOCKED -> new Unlocked(CONTRACT, UnlockReason.MIDNIGHT,
                    MidnightUnlock.eventIdFor(LocalDate.of(2026, 11, 25)), MIDNIGHT);
            case RESET_GRANTED -> new ResetGranted(CONTRACT, RESERVATION, "tokyo-shibuya", "staff-3",
                    IdDocument.MY_NUMBER_CARD, VisitPurpose.PIN_RESET, AT,
                    AT.plusSeconds(7200));
            case PIN_RESET -> new PinReset(CONTRACT, RESERVATION, "staff-3", SESSION,
                    IdDocument.MY_NUMBER_CARD, AT);
            case PIN_DISCLOSED -> new PinDisclosed(CONTRACT, "agent-17", SESSION,
                    IdentityCheck.CALLBACK_TO_CONTRACT_LINE, "CASE-2026-0042", AT);
            case MIDNIGHT_UNLOCK -> new MidnightUnlock(LocalDate.of(2026, 11, 25), MIDNIGHT, 42, MIDNIGHT);
            case RESERVATION_BOOKED -> new ReservationBooked(RESERVATION, CONTRACT, "tokyo-shibuya", AT,
                    VisitPurpose.PIN_RESET, 0);
            case RESERVATION_CANCELLED -> new ReservationCancelled(RESERVATION, CONTRACT, AT);
            case RESERVATION_RESCHEDULED -> new ReservationRescheduled(RESERVATION, CONTRACT, "tokyo-shibuya",
                    AT, AT.plusSeconds(900));
            case IDENTITY_VERIFIED -> new IdentityVerified(RESERVATION, CONTRACT, "tokyo-shibuya", VisitPurpose.PIN_CHANGE,
                    IdDocument.MY_NUMBER_CARD, "staff-3", AT);
            case VISIT_COMPLETED -> new VisitCompleted(RESERVATION, CONTRACT, AT);
            case NO_SHOW -> new NoShow(RESERVATION, CONTRACT, AT, AT.plusSeconds(1800));
        };
    }

    static EventEnvelope<DomainEvent> envelope(EventType type) {
        UUID id = UUID.nameUUIDFromBytes(type.typeName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return EventEnvelope.of(id, 3, AT, of(type));
    }
}
