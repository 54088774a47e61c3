package com.networkpin.localinfra;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A PostgreSQL in Docker, offered through {@link ServiceLoader} by a module on the class path (test-infra's,
 * on Testcontainers). The local stack and the benchmark have none: they always run the embedded server.
 */
public interface DockerPostgres {

    /** Why it cannot run here (no engine, or its image neither present nor pullable); empty where it can. */
    Optional<String> whyUnusable();

    PostgresServer create();

    /** The one on the class path, if any. */
    static Optional<DockerPostgres> onClassPath() {
        return ServiceLoader.load(DockerPostgres.class).findFirst();
    }
}
