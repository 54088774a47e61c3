package com.networkpin.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.networkpin.events.JapanTime;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every instant in every service's answers is written in the system's zone ({@code network-pin.zone},
 * Japan), e.g. {@code 2026-12-01T00:00:00+09:00}, not in UTC: the customers and staff are in Japan,
 * and one API should not say {@code …Z} where another says {@code …+09:00}. Requests may use any offset.
 */
@Singleton
public class AnswerTimes implements ObjectMapperCustomizer {

    private final ZoneId zone;

    public AnswerTimes(@ConfigProperty(name = JapanTime.ZONE_PROPERTY, defaultValue = JapanTime.DEFAULT_ZONE_ID) ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("answer-times").addSerializer(Instant.class, new InZone(zone)));
    }

    /** After Quarkus's own customizers, so that this serializer is the one in force. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static final class InZone extends StdSerializer<Instant> {

        private final ZoneId zone;

        InZone(ZoneId zone) {
            super(Instant.class);
            this.zone = zone;
        }

        @Override
        public void serialize(Instant instant, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(JapanTime.format(instant, zone));
        }
    }
}
