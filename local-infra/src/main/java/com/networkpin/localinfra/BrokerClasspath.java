package com.networkpin.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The class path of the broker child JVM: the kafka-broker jar (for BrokerMain) plus the
 * jars listed in the resource it carries. Those jars are deliberately not on our class path.
 */
final class BrokerClasspath {

    private static final String RESOURCE = "com/networkpin/kafkabroker/broker.classpath";

    private BrokerClasspath() {
    }

    static String resolve() {
        URL resource = BrokerClasspath.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " not found: is com.networkpin:kafka-broker a dependency?");
        }
        try (InputStream in = resource.openStream()) {
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return brokerModuleLocation(resource) + java.io.File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The jar holding the resource, or the classes directory when run from the reactor. */
    private static Path brokerModuleLocation(URL resource) {
        try {
            if ("jar".equals(resource.getProtocol())) {
                String jar = resource.getPath(); // file:/…/kafka-broker.jar!/com/…
                return Path.of(new URI(jar.substring(0, jar.indexOf("!/"))));
            }
            if ("file".equals(resource.getProtocol())) {
                Path root = Path.of(resource.toURI());
                for (int i = 0; i < RESOURCE.split("/").length; i++) {
                    root = root.getParent();
                }
                return root;
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected resource URL " + resource, e);
        }
        throw new IllegalStateException("Cannot locate the kafka-broker module from " + resource);
    }
}
