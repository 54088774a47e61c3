package com.networkpin.system;

import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The two downstream views of a PIN lock: the lock-scheduler's pending locks (its REST API) and
 * the reservation-service's lock projection, which that service only shows as booking advice, so
 * it is read from its table {@code contract_pin_lock} (one row per contract that ever locked).
 */
final class LockProjections {

    private final Http operator = RunningSystem.as(RunningSystem.actors().operator());

    /** The scheduler's pending lock's unlock time; empty when it holds none. */
    Optional<Instant> scheduler(String contractId) {
        Http.Reply reply = operator.get(StackService.LOCK_SCHEDULER.url() + "/locks/" + contractId);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        PinApi.expect(reply, 200);
        return Optional.of(Instant.parse(reply.text("unlocksAt")));
    }

    /** The reservation-service's view, by contract: locked until, or empty when unlocked or never locked. */
    Map<String, Optional<Instant>> reservation(Collection<String> contractIds) {
        Map<String, Optional<Instant>> locks = new HashMap<>();
        contractIds.forEach(id -> locks.put(id, Optional.empty()));
        try (Connection connection = reservationDatabase();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT contract_id, locked_until FROM contract_pin_lock WHERE contract_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", contractIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp until = rows.getTimestamp(2);
                    locks.put(rows.getString(1), Optional.ofNullable(until).map(Timestamp::toInstant));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reservation-service's lock projection", e);
        }
        return locks;
    }

    /** Every row of the reservation-service's lock states: contract → locked until, stream sequence and event time. */
    Map<String, String> reservationStates() {
        Map<String, String> states = new HashMap<>();
        try (Connection connection = reservationDatabase();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT contract_id, concat_ws(' ', locked_until, sequence, as_of) FROM contract_pin_lock");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reservation-service's lock projection", e);
        }
        return states;
    }

    private static Connection reservationDatabase() throws SQLException {
        PostgresServer postgres = Infrastructure.get().postgres();
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.username());
        credentials.setProperty("password", postgres.password());
        return new Driver().connect(postgres.jdbcUrl(StackService.RESERVATION_SERVICE.database()), credentials);
    }

    Optional<Instant> reservation(String contractId) {
        return reservation(List.of(contractId)).get(contractId);
    }
}
