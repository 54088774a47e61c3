package com.networkpin.pin.store;

import static com.networkpin.eventstore.SqlValues.utc;

import com.networkpin.pin.domain.Credential;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code pin_state} snapshot: one row per contract, rewritten with every append. */
@ApplicationScoped
public class PinStates {

    /** A locked PIN's snapshot as far as an unlock needs it. */
    public record LockedPin(String contractId, long version, Instant unlocksAt) {
    }

    public Uni<Optional<Pin>> load(SqlClient client, String contractId) {
        return client.preparedQuery("""
                        SELECT version, status, consecutive_failures, locked_at, unlocks_at,
                               salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date, pepper_id
                        FROM pin_state WHERE contract_id = $1""")
                .execute(Tuple.of(contractId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toPin(contractId, rows.iterator().next())));
    }

    public Uni<Void> save(SqlClient tx, Pin pin) {
        Credential c = pin.credential();
        return tx.preparedQuery("""
                        INSERT INTO pin_state (contract_id, version, status, consecutive_failures, locked_at, unlocks_at,
                                               salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date,
                                               pepper_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                        ON CONFLICT (contract_id) DO UPDATE SET version = $2, status = $3, consecutive_failures = $4,
                            locked_at = $5, unlocks_at = $6, salt = $7, hmac = $8, key_id = $9, nonce = $10,
                            ciphertext = $11, disclosure_date = $12, disclosures_on_date = $13, pepper_id = $14""")
                .execute(Tuple.from(Arrays.asList(pin.contractId(), pin.version(), pin.status().name(),
                        pin.consecutiveFailures(), utc(pin.lockedAt()), utc(pin.unlocksAt()),
                        c == null ? null : Buffer.buffer(c.salt()), c == null ? null : Buffer.buffer(c.hmac()),
                        c == null ? null : c.keyId(), c == null ? null : Buffer.buffer(c.nonce()),
                        c == null ? null : Buffer.buffer(c.ciphertext()), pin.disclosureDate(), pin.disclosuresOnDate(),
                        c == null ? null : c.pepperId())))
                .replaceWithVoid();
    }

    /** The next {@code limit} contracts after {@code afterContractId}, in order, whose lock is due by {@code bound}. */
    public Uni<List<String>> lockedDueAfter(SqlClient client, Instant bound, String afterContractId, int limit) {
        return client.preparedQuery("""
                        SELECT contract_id FROM pin_state
                        WHERE status = 'LOCKED' AND unlocks_at <= $1 AND contract_id > $2
                        ORDER BY contract_id LIMIT $3""")
                .execute(Tuple.of(utc(bound), afterContractId, limit))
                .map(rows -> {
                    List<String> contractIds = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> contractIds.add(row.getString(0)));
                    return contractIds;
                });
    }

    /** Those of {@code contractIds} whose lock is still due by {@code bound}. */
    public Uni<List<LockedPin>> lockedDueAmong(SqlClient client, List<String> contractIds, Instant bound) {
        return client.preparedQuery("""
                        SELECT contract_id, version, unlocks_at FROM pin_state
                        WHERE contract_id = ANY($1) AND status = 'LOCKED' AND unlocks_at <= $2""")
                .execute(Tuple.of(contractIds.toArray(String[]::new), utc(bound)))
                .map(rows -> {
                    List<LockedPin> locked = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> locked.add(new LockedPin(row.getString(0), row.getLong(1),
                            row.getOffsetDateTime(2).toInstant())));
                    return locked;
                });
    }

    /** The snapshots of PINs that one {@code Unlocked} each has just lifted. */
    public Uni<Void> saveUnlocked(SqlClient tx, List<String> contractIds) {
        return tx.preparedQuery("""
                        UPDATE pin_state SET version = version + 1, status = 'ACTIVE', consecutive_failures = 0,
                            locked_at = NULL, unlocks_at = NULL
                        WHERE contract_id = ANY($1)""")
                .execute(Tuple.of(contractIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static Pin toPin(String contractId, Row row) {
        Credential credential = row.getValue(5) == null ? null : new Credential(bytes(row, 5), bytes(row, 6),
                row.getString(12), row.getString(7), bytes(row, 8), bytes(row, 9));
        return new Pin(contractId, row.getLong(0), PinStatus.valueOf(row.getString(1)), row.getInteger(2),
                instant(row.getOffsetDateTime(3)), instant(row.getOffsetDateTime(4)), credential,
                row.getLocalDate(10), row.getInteger(11));
    }

    private static byte[] bytes(Row row, int column) {
        return row.getBuffer(column).getBytes();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
