package com.networkpin.reservation.service;

import com.networkpin.reservation.domain.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The reservation-service's figures, counted after each commit: bookings by outcome ({@code booked},
 * {@code replayed} — an Idempotency-Key seen before —, {@code slot-full}, {@code refused} with the
 * rule), check-ins by identity document, no-shows, and requests the booking path's admission refused before
 * anything was decided ({@code full} or {@code deadline}). Labels are outcomes, rules and document
 * kinds: never a contract, a reservation or a member of staff.
 */
@ApplicationScoped
public class ReservationMetrics {

    private final MeterRegistry registry;

    public ReservationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void booked(boolean replayed) {
        bookings(replayed ? "replayed" : "booked", "none").increment();
    }

    void refused(Refusal refusal) {
        bookings(refusal == Refusal.SLOT_FULL ? "slot-full" : "refused", refusal.slug()).increment();
    }

    void checkedIn(String document) {
        Counter.builder("network-pin.reservation.check.ins").tag("document", document.toLowerCase(Locale.ROOT))
                .description("Identity checks at the shop, by document").register(registry).increment();
    }

    /** A request of the booking path refused 503 by its admission control, for {@code reason}. */
    public void admissionRefused(String reason) {
        Counter.builder("network-pin.reservation.admission.refused").tag("reason", reason)
                .description("Booking-path requests refused before anything was decided, by reason")
                .register(registry).increment();
    }

    void noShow() {
        Counter.builder("network-pin.reservation.no.shows").description("Bookings nobody checked in for")
                .register(registry).increment();
    }

    private Counter bookings(String outcome, String rule) {
        return Counter.builder("network-pin.reservation.bookings").tag("outcome", outcome).tag("rule", rule)
                .description("Booking requests by outcome").register(registry);
    }
}
