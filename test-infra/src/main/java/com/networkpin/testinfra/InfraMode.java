package com.networkpin.testinfra;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** Where the servers run, chosen by the system property {@value #PROPERTY} (embedded|docker|auto). */
public enum InfraMode {
    EMBEDDED,
    DOCKER;

    public static final String PROPERTY = "networkpin.infra";

    static InfraMode fromSystemProperty() {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> EMBEDDED; // asks Docker nothing: the probe costs time and logs an ERROR
            case "docker" -> DOCKER;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? DOCKER : EMBEDDED;
            default -> throw new IllegalArgumentException(PROPERTY + " must be embedded, docker or auto, not " + mode);
        };
    }
}
