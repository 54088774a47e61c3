package com.networkpin.eventstore.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code network-pin.host-name}: this machine's host name, for ids that must differ between the
 * instances of a service (the Kafka static membership id). The lowest ordinal: any other source
 * overrides it. The {@code HOSTNAME} environment variable (containers) wins over the lookup.
 */
public class HostNameConfigSource implements ConfigSource {

    public static final String PROPERTY = "network-pin.host-name";

    private final String hostName = lookUp();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? hostName : null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, hostName);
    }

    @Override
    public String getName() {
        return "network-pin host name";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    private static String lookUp() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
