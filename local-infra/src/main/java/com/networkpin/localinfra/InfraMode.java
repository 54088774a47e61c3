package com.networkpin.localinfra;

import java.util.Locale;
import java.util.Optional;

/**
 * Where PostgreSQL runs, chosen by the system property {@value #PROPERTY} (embedded|docker|auto): in Docker
 * only where a {@link DockerPostgres} is on the class path (tests); in auto mode only where it is usable (an
 * engine answers and the image is present or pullable), else embedded, and the choice and its reason are
 * printed.
 */
public enum InfraMode {
    EMBEDDED,
    DOCKER;

    public static final String PROPERTY = "networkpin.infra";

    static InfraMode fromSystemProperty(Optional<DockerPostgres> docker) {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> EMBEDDED; // asks Docker nothing: the probe costs time and logs an ERROR
            case "docker" -> {
                if (docker.isEmpty()) {
                    throw new IllegalStateException(PROPERTY + "=docker needs test-infra's Docker PostgreSQL on the class path");
                }
                yield DOCKER;
            }
            case "auto" -> {
                if (docker.isEmpty()) {
                    yield EMBEDDED;
                }
                Optional<String> why = docker.get().whyUnusable();
                System.out.println(why.map(reason -> "PostgreSQL: embedded, not Docker: " + reason)
                        .orElse("PostgreSQL: in Docker (" + PROPERTY + "=embedded chooses the embedded server)"));
                yield why.isPresent() ? EMBEDDED : DOCKER;
            }
            default -> throw new IllegalArgumentException(PROPERTY + " must be embedded, docker or auto, not " + mode);
        };
    }
}
