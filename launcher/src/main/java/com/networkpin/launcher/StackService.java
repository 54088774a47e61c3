package com.networkpin.launcher;

import java.util.Arrays;
import java.util.List;

/**
 * The three services (module, port and database of each) and the web console, which has no
 * database and calls the services with the logged-in person's token.
 */
public enum StackService {
    PIN_SERVICE("pin-service", 8081, "pin"),
    LOCK_SCHEDULER("lock-scheduler", 8082, "scheduler"),
    RESERVATION_SERVICE("reservation-service", 8083, "reservation"),
    WEB_CONSOLE("web-console", 8080, null);

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

    /** The service's database; null for the web console. */
    public String database() {
        return database;
    }

    /** The three services behind the console, each with its database and REST API. */
    public static List<StackService> backends() {
        return Arrays.stream(values()).filter(service -> service.database != null).toList();
    }

    public String url() {
        return "http://localhost:" + port();
    }
}
