package com.networkpin.localinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.Driver;

/** A running PostgreSQL server, embedded or in a container, that tests may stop and start again. */
public interface PostgresServer {

    void start();

    /**
     * Takes the server away (idempotent; also run at JVM exit, since the server process would otherwise
     * outlive us). A later {@link #start()} brings it back on the same address with the same data, so
     * fault tests can check what survives a database outage.
     */
    void stop();

    String host();

    int port();

    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** The form the Vert.x reactive client (quarkus.datasource.reactive.url) expects. */
    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists, so each service under test gets its own one. */
    default void createDatabase(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", username());
        credentials.setProperty("password", password());
        // The driver directly, not DriverManager: it may not see drivers of a Quarkus class loader.
        try (Connection connection = new Driver().connect(jdbcUrl("postgres"), credentials);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: a concurrent caller won the race
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }
}
