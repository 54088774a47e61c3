package com.networkpin.testinfra;

import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.DockerPostgres;
import com.networkpin.localinfra.PostgresServer;
import org.testcontainers.DockerClientFactory;

/** The tests' PostgreSQL in Docker ({@link ContainerPostgresServer}), found by local-infra's {@code Infrastructure}. */
public final class TestcontainersPostgres implements DockerPostgres {

    @Override
    public boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public PostgresServer create() {
        return new ContainerPostgresServer();
    }
}
