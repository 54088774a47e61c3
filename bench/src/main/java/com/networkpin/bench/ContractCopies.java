package com.networkpin.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.EventType;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's one way to make many contracts quickly: exact copies, by SQL in the pin-service's
 * database, of one contract whose events were appended through the pin-service's REST API. A copy gets
 * the template's stream version, its events in the same order (same types, times and data, the contract
 * id replaced, fresh event ids), its {@code pin_state} snapshot, and an outbox row per event holding the
 * message the pin-service would have queued for it ({@code OutboxMessage.of}: the envelope's JSON and
 * CloudEvents headers, plus a {@code traceparent} as a request's own trace would give). The relay then
 * publishes the copies' events to Kafka like any others, and the other services project them through
 * their real consumers. Copies are named {@code prefix} and seven digits, as {@link #id} does (so fewer
 * than 10 million).
 *
 * <p>Outbox rows go in event-major order within each transaction (every copy's first event, then every
 * copy's second, …): the relay sends one row per key per round, so its rounds stay full.
 */
final class ContractCopies {

    /** Copies per transaction: the relay publishes a chunk while the next one is written. */
    private static final int CHUNK = 50_000;
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String DATABASE = StackService.PIN_SERVICE.database();

    private final PostgresServer postgres;
    private final String template;

    ContractCopies(PostgresServer postgres, String template) {
        this.postgres = postgres;
        this.template = template;
    }

    /** The {@code i}th contract named by {@code prefix}, as copies are named. */
    static String id(String prefix, int i) {
        return String.format("%s%07d", prefix, i);
    }

    /** Makes the contracts {@code prefix} {@code from} … {@code to - 1} as copies of the template. */
    void copy(String prefix, int from, int to) {
        try (Connection connection = JdbcLoad.connect(postgres, DATABASE)) {
            connection.setAutoCommit(false);
            List<Publication> publications = publications(connection);
            for (int start = from; start < to; start += CHUNK) {
                copyChunk(connection, publications, prefix, start, Math.min(to, start + CHUNK));
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy " + template, e);
        }
    }

    /**
     * Fails unless {@code copy} left the template's rows, contract and event ids aside: stream version,
     * snapshot and events in the pin-service; pending lock and stream position in the lock-scheduler and
     * the lock in the reservation-service, each reached through Kafka and that consumer's inbox (its
     * {@code Locked} event id is there). And {@code other}, a second contract locked through the API, must
     * have the template's events in the same order and the same state: the template is a typical one.
     */
    void check(String copy, String other, Map<StackService, ServiceDatabase> databases) {
        ServiceDatabase pins = databases.get(StackService.PIN_SERVICE);
        String events = """
                SELECT concat_ws(' ', version, event_type, occurred_at,
                    replace(data::text, to_jsonb(stream_id)::text, '"*"'))
                FROM es_event WHERE stream_id = ? ORDER BY version""";
        same(pins, "SELECT version::text FROM es_stream WHERE stream_id = ?", copy, template);
        same(pins, "SELECT (to_jsonb(p) - 'contract_id')::text FROM pin_state p WHERE contract_id = ?", copy, template);
        same(pins, events, copy, template);
        same(pins, "SELECT event_type FROM es_event WHERE stream_id = ? ORDER BY version", other, template);
        same(pins, "SELECT concat_ws(' ', version, status, consecutive_failures) FROM pin_state WHERE contract_id = ?",
                other, template);
        same(databases.get(StackService.LOCK_SCHEDULER), """
                SELECT concat_ws(' ', l.locked_at, l.unlocks_at, s.sequence)
                FROM pending_lock l JOIN pin_stream_position s USING (contract_id) WHERE contract_id = ?""", copy, template);
        same(databases.get(StackService.RESERVATION_SERVICE),
                "SELECT concat_ws(' ', locked_until, sequence, as_of) FROM contract_pin_lock WHERE contract_id = ?",
                copy, template);
        String locked = pins.texts("SELECT event_id::text FROM es_event WHERE stream_id = ? AND event_type = 'Locked'",
                copy).get(0);
        for (StackService consumer : List.of(StackService.LOCK_SCHEDULER, StackService.RESERVATION_SERVICE)) {
            if (databases.get(consumer).texts("SELECT consumer FROM es_inbox WHERE event_id = ?::uuid", locked).isEmpty()) {
                throw new IllegalStateException(consumer.moduleName() + " has not consumed " + copy + "'s Locked " + locked);
            }
        }
    }

    private static void same(ServiceDatabase database, String sql, String contract, String expected) {
        List<String> found = database.texts(sql, contract);
        List<String> wanted = database.texts(sql, expected);
        if (found.isEmpty() || !found.equals(wanted)) {
            throw new IllegalStateException(contract + " is not like " + expected + ": " + found + " instead of "
                    + wanted + " from " + sql);
        }
    }

    /** One template event's message as the pin-service queued it, to be rewritten per copy. */
    private record Publication(long version, UUID eventId, String topic, String headers, String value) {
    }

    /**
     * The template's events as the pin-service publishes them: its stored events read back as the
     * catalogue's records (a stored credential is not part of the record) and enveloped as
     * {@code PinEventCodec} does, so the values are the bytes the relay sent for the template.
     */
    private List<Publication> publications(Connection connection) throws SQLException {
        List<Publication> publications = new ArrayList<>();
        try (PreparedStatement events = connection.prepareStatement("""
                SELECT version, event_id, event_type, occurred_at, data::text FROM es_event
                WHERE stream_id = ? ORDER BY version""")) {
            events.setString(1, template);
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    EventType type = EventType.byTypeName(rows.getString(3)).orElseThrow();
                    DomainEvent event = JSON.readValue(rows.getString(5), type.recordClass());
                    EventEnvelope<DomainEvent> envelope = EventEnvelope.of(rows.getObject(2, UUID.class),
                            rows.getLong(1), rows.getTimestamp(4).toInstant(), event);
                    publications.add(new Publication(envelope.sequence(), envelope.id(), type.topic(),
                            JSON.writeValueAsString(CloudEventHeaders.of(envelope)), EventJson.write(envelope)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of " + template + " is unreadable", e);
        }
        if (publications.isEmpty()) {
            throw new IllegalStateException(template + " has no events to copy");
        }
        return publications;
    }

    private void copyChunk(Connection connection, List<Publication> publications, String prefix, int from, int to)
            throws SQLException {
        execute(connection, """
                CREATE TEMPORARY TABLE copy ON COMMIT DROP AS
                SELECT ? || lpad(g::text, 7, '0') AS id FROM generate_series(?::int, ?::int - 1) g""", prefix, from, to);
        execute(connection, """
                INSERT INTO es_stream (stream_id, version)
                SELECT c.id, s.version FROM es_stream s, copy c WHERE s.stream_id = ?""", template);
        execute(connection, """
                INSERT INTO pin_state (contract_id, version, status, consecutive_failures, locked_at, unlocks_at,
                    salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date, pepper_id)
                SELECT c.id, p.version, p.status, p.consecutive_failures, p.locked_at, p.unlocks_at,
                    p.salt, p.hmac, p.key_id, p.nonce, p.ciphertext, p.disclosure_date, p.disclosures_on_date, p.pepper_id
                FROM pin_state p, copy c WHERE p.contract_id = ?""", template);
        int size = publications.size();
        Object[] versions = new Object[size];
        Object[] eventIds = new Object[size];
        Object[] topics = new Object[size];
        Object[] headers = new Object[size];
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            Publication publication = publications.get(i);
            versions[i] = publication.version();
            eventIds[i] = publication.eventId().toString();
            topics[i] = publication.topic();
            headers[i] = publication.headers();
            values[i] = publication.value();
        }
        // Event ids and contract ids are replaced as whole JSON strings, never inside another value; the
        // zero-padded ids sort as the copies' numbers do.
        execute(connection, """
                WITH copied AS (
                    INSERT INTO es_event (stream_id, version, event_id, event_type, occurred_at, data)
                    SELECT c.id, e.version, gen_random_uuid(), e.event_type, e.occurred_at,
                        replace(e.data::text, to_jsonb(e.stream_id)::text, to_jsonb(c.id)::text)::jsonb
                    FROM es_event e, copy c WHERE e.stream_id = ?
                    RETURNING stream_id, version, event_id)
                INSERT INTO es_outbox (topic, message_key, headers, value)
                SELECT m.topic, c.stream_id,
                    m.headers::jsonb || jsonb_build_object('ce_id', c.event_id::text, 'ce_subject', c.stream_id,
                        'traceparent', '00-' || md5(random()::text) || '-' || left(md5(random()::text), 16) || '-01'),
                    replace(replace(m.value, to_jsonb(m.event_id)::text, to_jsonb(c.event_id::text)::text),
                        to_jsonb(?::text)::text, to_jsonb(c.stream_id)::text)
                FROM copied c JOIN unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                        AS m (version, event_id, topic, headers, value) ON m.version = c.version
                ORDER BY c.version, c.stream_id""", template, template,
                connection.createArrayOf("int8", versions), connection.createArrayOf("text", eventIds),
                connection.createArrayOf("text", topics), connection.createArrayOf("text", headers),
                connection.createArrayOf("text", values));
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
