package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL the tests get, from the property and from what Docker can do here. */
class InfraModeTest {

    /** A Docker PostgreSQL that never starts anything: only its answer to "can you run here?" is asked. */
    private record Docker(Optional<String> whyUnusable) implements DockerPostgres {

        @Override
        public PostgresServer create() {
            throw new AssertionError("nothing is created while choosing");
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty(InfraMode.PROPERTY);
    }

    @Test
    void givenAutoAndAnEngineThatCannotPull_whenChosen_thenEmbedded() {
        System.setProperty(InfraMode.PROPERTY, "auto");
        assertEquals(InfraMode.EMBEDDED, InfraMode.fromSystemProperty(Optional.of(
                new Docker(Optional.of("Docker answers but postgres:17-alpine cannot be pulled")))));
    }

    @Test
    void givenAutoAndAUsableDocker_whenChosen_thenDocker() {
        System.setProperty(InfraMode.PROPERTY, "auto");
        assertEquals(InfraMode.DOCKER, InfraMode.fromSystemProperty(Optional.of(new Docker(Optional.empty()))));
    }

    @Test
    void givenNoDockerOnTheClassPath_whenChosen_thenEmbeddedInAutoAndRefusedWhenDockerIsAskedFor() {
        System.setProperty(InfraMode.PROPERTY, "auto");
        assertEquals(InfraMode.EMBEDDED, InfraMode.fromSystemProperty(Optional.empty()));
        System.setProperty(InfraMode.PROPERTY, "docker");
        assertThrows(IllegalStateException.class, () -> InfraMode.fromSystemProperty(Optional.empty()));
    }
}
