package com.networkpin.bench;

import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A read-only look into one service's database, for states no REST resource lists in bulk (how
 * many PINs are still locked, when a projection shows a lock, whether a copied contract's rows are
 * the template's). Only {@link ContractCopies} and {@link VerificationSql} write to a service's database.
 */
final class ServiceDatabase implements AutoCloseable {

    private final Connection connection;

    ServiceDatabase(PostgresServer postgres, StackService service) {
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.username());
        credentials.setProperty("password", postgres.password());
        try {
            connection = new Driver().connect(postgres.jdbcUrl(service.database()), credentials);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database of " + service.moduleName(), e);
        }
    }

    /** The single number a {@code SELECT count(*) ...} answers. */
    long count(String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as text, with {@code parameters} bound in order. */
    List<String> texts(String sql, String... parameters) {
        List<String> texts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return texts;
    }

    /** Key to instant, for a query selecting (text, timestamptz) with the keys as its text[] parameter. */
    Map<String, Instant> instantsOf(String sql, Collection<String> keys) {
        Map<String, Instant> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only connection loses nothing
        }
    }
}
