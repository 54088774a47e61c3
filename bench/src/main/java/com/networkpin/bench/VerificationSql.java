package com.networkpin.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.events.AttemptFailed;
import com.networkpin.events.AttemptSucceeded;
import com.networkpin.events.Channel;
import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.EventType;
import com.networkpin.events.PinEvent;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * C0, the database floor of a verification: the SQL today's pin-service runs for one verification, copied
 * here as text from {@code PinService.verify} → {@code EventStore.lock}, {@code PinStates.load},
 * {@code EventStore.append} (stream version, {@code es_event}, {@code es_outbox}) and {@code PinStates.save},
 * in one transaction, on the pin-service's own tables in its database, by the benchmark's JDBC client.
 * Copied, not called: the service's classes need its Quarkus runtime. If the pin-service's SQL changes,
 * change it here too (a new path gets its own script beside this one).
 *
 * <p>Where it differs from the service, and why:
 * <ul>
 *   <li>JDBC sends one statement per round trip; the service pipelines the lock with the load, and the
 *       stream update with the snapshot write (6 round trips here with the commit, 5 there);
 *   <li>{@code $n} is {@code ?}, and the snapshot upsert binds its values twice where the service
 *       repeats {@code $2 … $14};
 *   <li>the events' JSON is built with the same catalogue classes (envelope, CloudEvents headers); the
 *       service adds a {@code traceparent} header, here there is none;
 *   <li>nothing is decided: 90 % append {@code AttemptSucceeded}, 10 % {@code AttemptFailed} with one
 *       failure, and the snapshot is written back as read at the new version (so no PIN ever locks).
 * </ul>
 * The pin-service's outbox relay publishes these rows as it does P1's, so the database does the same
 * relay work per verification in both.
 */
final class VerificationSql {

    /** The contracts C0 verifies: seeded by SQL as copies of one PIN set through the API. */
    private static final String PREFIX = "C0-";
    private static final ObjectMapper JSON = EventJson.mapper();

    private static final String LOCK = "SELECT version FROM es_stream WHERE stream_id = ? FOR UPDATE";
    private static final String LOAD = """
            SELECT version, status, consecutive_failures, locked_at, unlocks_at,
                   salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date, pepper_id
            FROM pin_state WHERE contract_id = ?""";
    /** {@code SET version = $3 WHERE stream_id = $1 AND version = $2}: bound in the order written. */
    private static final String ADVANCE = "UPDATE es_stream SET version = ? WHERE stream_id = ? AND version = ?";
    private static final String INSERT_EVENTS = """
            INSERT INTO es_event (stream_id, version, event_id, event_type, occurred_at, data)
            SELECT stream_id, version, event_id, event_type, occurred_at, data::jsonb
            FROM unnest(?::text[], ?::bigint[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[])
                AS e (stream_id, version, event_id, event_type, occurred_at, data)""";
    private static final String ENQUEUE = """
            INSERT INTO es_outbox (topic, message_key, headers, value)
            SELECT topic, message_key, headers::jsonb, value
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                AS m (topic, message_key, headers, value, position)
            ORDER BY position""";
    private static final String SAVE = """
            INSERT INTO pin_state (contract_id, version, status, consecutive_failures, locked_at, unlocks_at,
                                   salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date,
                                   pepper_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contract_id) DO UPDATE SET version = ?, status = ?, consecutive_failures = ?,
                locked_at = ?, unlocks_at = ?, salt = ?, hmac = ?, key_id = ?, nonce = ?,
                ciphertext = ?, disclosure_date = ?, disclosures_on_date = ?, pepper_id = ?""";
    /** The snapshot's columns after contract_id, as LOAD reads them and SAVE writes them. */
    private static final int STATE_COLUMNS = 13;

    private final PostgresServer postgres;
    private final String database = StackService.PIN_SERVICE.database();
    private final int contracts;

    /** Seeds {@code contracts} PINs as copies ({@link ContractCopies}) of {@code template}'s, a PIN set through the API. */
    VerificationSql(PostgresServer postgres, String template, int contracts) {
        this.postgres = postgres;
        this.contracts = contracts;
        new ContractCopies(postgres, template).copy(PREFIX, 0, contracts);
    }

    /** Verification transactions committed per second by {@code clients} JDBC clients. */
    double perSecond(int clients, Duration duration) {
        return JdbcLoad.perSecond(postgres, database, clients, duration, (connection, client) -> {
            connection.setAutoCommit(false);
            PreparedStatement lock = connection.prepareStatement(LOCK);
            PreparedStatement load = connection.prepareStatement(LOAD);
            PreparedStatement advance = connection.prepareStatement(ADVANCE);
            PreparedStatement insertEvents = connection.prepareStatement(INSERT_EVENTS);
            PreparedStatement enqueue = connection.prepareStatement(ENQUEUE);
            PreparedStatement save = connection.prepareStatement(SAVE);
            return () -> verify(connection, lock, load, advance, insertEvents, enqueue, save);
        });
    }

    private void verify(Connection connection, PreparedStatement lock, PreparedStatement load,
                        PreparedStatement advance, PreparedStatement insertEvents, PreparedStatement enqueue,
                        PreparedStatement save) throws SQLException {
        String contract = ContractCopies.id(PREFIX, ThreadLocalRandom.current().nextInt(contracts));
        lock.setString(1, contract);
        long version = firstLong(lock);
        load.setString(1, contract);
        Object[] state = new Object[STATE_COLUMNS];
        try (ResultSet row = load.executeQuery()) {
            row.next();
            for (int i = 0; i < STATE_COLUMNS; i++) {
                state[i] = row.getObject(i + 1);
            }
        }
        long next = version + 1;
        Instant now = Instant.now();
        EventEnvelope<PinEvent> envelope = EventEnvelope.of(UUID.randomUUID(), next, now, event(contract, now));
        advance.setLong(1, next);
        advance.setString(2, contract);
        advance.setLong(3, version);
        advance.executeUpdate();
        bindEvent(connection, insertEvents, contract, envelope);
        insertEvents.executeUpdate();
        bindPublication(connection, enqueue, envelope);
        enqueue.executeUpdate();
        state[0] = next;
        save.setString(1, contract);
        for (int i = 0; i < STATE_COLUMNS; i++) {
            save.setObject(2 + i, state[i]);
            save.setObject(2 + STATE_COLUMNS + i, state[i]);
        }
        save.executeUpdate();
        connection.commit();
    }

    private static PinEvent event(String contract, Instant now) {
        return ThreadLocalRandom.current().nextInt(10) == 0
                ? new AttemptFailed(contract, Channel.MY_DOCOMO, 1, 2, now)
                : new AttemptSucceeded(contract, Channel.MY_DOCOMO, now);
    }

    private static void bindEvent(Connection connection, PreparedStatement insert, String contract,
                                  EventEnvelope<PinEvent> envelope) throws SQLException {
        insert.setArray(1, connection.createArrayOf("text", new String[] {contract}));
        insert.setArray(2, connection.createArrayOf("int8", new Long[] {envelope.sequence()}));
        insert.setArray(3, connection.createArrayOf("uuid", new UUID[] {envelope.id()}));
        insert.setArray(4, connection.createArrayOf("text", new String[] {envelope.type()}));
        insert.setArray(5, connection.createArrayOf("timestamptz",
                new String[] {OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC).toString()}));
        insert.setArray(6, connection.createArrayOf("text", new String[] {JSON.valueToTree(envelope.data()).toString()}));
    }

    private static void bindPublication(Connection connection, PreparedStatement enqueue,
                                        EventEnvelope<PinEvent> envelope) throws SQLException {
        String headers;
        try {
            headers = JSON.writeValueAsString(CloudEventHeaders.of(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String topic = EventType.byTypeName(envelope.type()).orElseThrow().topic();
        enqueue.setArray(1, connection.createArrayOf("text", new String[] {topic}));
        enqueue.setArray(2, connection.createArrayOf("text", new String[] {envelope.subject()}));
        enqueue.setArray(3, connection.createArrayOf("text", new String[] {headers}));
        enqueue.setArray(4, connection.createArrayOf("text", new String[] {EventJson.write(envelope)}));
    }

    private static long firstLong(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for " + query);
            }
            return rows.getLong(1);
        }
    }
}
