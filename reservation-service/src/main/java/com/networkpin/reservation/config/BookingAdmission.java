package com.networkpin.reservation.config;

import com.networkpin.reservation.service.ReservationMetrics;
import com.networkpin.support.AdmissionGate;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The booking path's admission control, sized by {@link ReservationConfig.Admission}; its refusals counted. */
public class BookingAdmission {

    @Produces
    @Singleton
    AdmissionGate bookingGate(ReservationConfig config, ReservationMetrics metrics) {
        ReservationConfig.Admission admission = config.admission();
        return new AdmissionGate(admission.maxInProgress(), admission.maxWaiting(), admission.deadline(),
                admission.retryAfter(), metrics::admissionRefused);
    }
}
