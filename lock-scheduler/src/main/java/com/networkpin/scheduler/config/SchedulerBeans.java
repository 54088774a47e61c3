package com.networkpin.scheduler.config;

import com.networkpin.events.JapanTime;
import com.networkpin.scheduler.domain.Midnights;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The midnights of the zone every service reads from {@code network-pin.zone}. */
public class SchedulerBeans {

    @Produces
    @Singleton
    Midnights midnights(@ConfigProperty(name = JapanTime.ZONE_PROPERTY, defaultValue = JapanTime.DEFAULT_ZONE_ID)
                        ZoneId zone) {
        return new Midnights(zone);
    }
}
