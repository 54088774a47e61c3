package com.networkpin.testinfra;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.networkpin.localinfra.DockerPostgres;
import com.networkpin.localinfra.PostgresServer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The tests' PostgreSQL in Docker ({@link ContainerPostgresServer}), found by local-infra's {@code Infrastructure}.
 * Usable only where a Docker engine answers <em>and</em> the images can be had: present, or pulled within
 * {@value #PULL_SECONDS} s. An engine without a reachable registry (it installs and starts on machines that
 * cannot pull) would otherwise fail every test on its first pull.
 */
public final class TestcontainersPostgres implements DockerPostgres {

    private static final int PULL_SECONDS = 60;
    /** Testcontainers' own container, started before any other unless it is disabled. */
    private static final String RYUK = "testcontainers/ryuk";

    @Override
    public Optional<String> whyUnusable() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.of("no Docker engine answers");
        }
        DockerClient docker = DockerClientFactory.instance().client();
        String image = ContainerPostgresServer.IMAGE;
        boolean present = present(docker, image);
        boolean ryukNeeded = !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
        if (present && (!ryukNeeded || !docker.listImagesCmd().withImageNameFilter(RYUK).exec().isEmpty())) {
            return Optional.empty();
        }
        try {
            if (!present && !docker.pullImageCmd(image).start().awaitCompletion(PULL_SECONDS, TimeUnit.SECONDS)) {
                return Optional.of("Docker answers but " + image + " was not pulled within " + PULL_SECONDS + " s");
            }
            return Optional.empty(); // a registry answers: Testcontainers pulls what else it needs
        } catch (RuntimeException e) {
            return Optional.of("Docker answers but " + image + " is not present and cannot be pulled (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while pulling " + image);
        }
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public PostgresServer create() {
        return new ContainerPostgresServer();
    }
}
