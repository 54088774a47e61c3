package com.networkpin.testinfra;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Docker container, where a Docker engine exists. */
public final class ContainerPostgresServer implements PostgresServer {

    private static final String IMAGE = System.getProperty("networkpin.infra.postgres-image", "postgres:17-alpine");
    private static final int POSTGRES_PORT = 5432;

    private final PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);

    public ContainerPostgresServer() {
        // Ryuk would remove it too, but not where Ryuk is disabled.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "container-postgres-stop"));
    }

    @Override
    public synchronized void start() {
        if (!container.isRunning()) {
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        container.stop();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(POSTGRES_PORT);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }
}
