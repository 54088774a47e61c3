package com.networkpin.testinfra;

import com.networkpin.localinfra.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Docker container, where a Docker engine exists. {@link #stop()} pauses the
 * container rather than stopping it: a stopped container would come back on another mapped port, a
 * paused one keeps its address and its data (clients then wait instead of being refused).
 */
public final class ContainerPostgresServer implements PostgresServer {

    static final String IMAGE = System.getProperty("networkpin.infra.postgres-image", "postgres:17-alpine");
    private static final int POSTGRES_PORT = 5432;

    private final PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    private boolean paused;

    public ContainerPostgresServer() {
        // Ryuk would remove it too, but not where Ryuk is disabled.
        Runtime.getRuntime().addShutdownHook(new Thread(this::terminate, "container-postgres-stop"));
    }

    @Override
    public synchronized void start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        } else if (!container.isRunning()) {
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (container.isRunning() && !paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    private synchronized void terminate() {
        container.stop();
        paused = false;
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
