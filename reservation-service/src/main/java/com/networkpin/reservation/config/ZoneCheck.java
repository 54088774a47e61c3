package com.networkpin.reservation.config;

import com.networkpin.events.JapanTime;
import com.networkpin.reservation.domain.Slots;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shops' hours and slots are Japanese local times, so the reservation-service runs only in
 * Japan's zone: with another {@code network-pin.zone} (read by every service) it refuses to start
 * rather than book slots hours away from the midnights the other services keep.
 */
@ApplicationScoped
public class ZoneCheck {

    void check(@Observes StartupEvent event,
               @ConfigProperty(name = JapanTime.ZONE_PROPERTY, defaultValue = JapanTime.DEFAULT_ZONE_ID) ZoneId zone) {
        requireSlotsZone(zone);
    }

    static void requireSlotsZone(ZoneId zone) {
        if (!zone.getRules().equals(Slots.JAPAN.getRules())) {
            throw new IllegalStateException(JapanTime.ZONE_PROPERTY + "=" + zone + ", but the reservation-service"
                    + " books slots in " + Slots.JAPAN + " only: unset it or set it to " + Slots.JAPAN);
        }
    }
}
