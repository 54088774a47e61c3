package com.networkpin.reservation.config;

import com.networkpin.reservation.domain.BookingPolicy;
import com.networkpin.reservation.domain.ReservationNumbers;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/** Makes the framework-free domain objects injectable, configured from {@link ReservationConfig}. */
public class DomainBeans {

    @Produces
    @Singleton
    BookingPolicy bookingPolicy(ReservationConfig config) {
        return new BookingPolicy(config.maxDaysAhead(), config.noShowGrace());
    }

    /** Unpredictable, so a reservation number cannot be guessed from another. */
    @Produces
    @Singleton
    ReservationNumbers reservationNumbers() {
        return new ReservationNumbers(new SecureRandom());
    }
}
