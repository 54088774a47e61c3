package com.networkpin.launcher;

import java.nio.file.Path;

/** The three services: module, port and database of each. */
public enum StackService {
    PIN_SERVICE("pin-service", 8081, "pin"),
    LOCK_SCHEDULER("lock-scheduler", 8082, "scheduler"),
    RESERVATION_SERVICE("reservation-service", 8083, "reservation");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    StackService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String moduleName() {
        return moduleName;
    }

    /** The default, or STACK_&lt;SERVICE&gt;_PORT from the environment (e.g. STACK_PIN_SERVICE_PORT). */
    public int port() {
        String override = System.getenv("STACK_" + name() + "_PORT");
        return override == null ? defaultPort : Integer.parseInt(override);
    }

    public String database() {
        return database;
    }

    public String url() {
        return "http://localhost:" + port();
    }

    public Path jar(Path repository) {
        return repository.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
