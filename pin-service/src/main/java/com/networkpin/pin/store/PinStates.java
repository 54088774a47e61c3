package com.networkpin.pin.store;

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
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/** The {@code pin_state} snapshot: one row per contract, rewritten with every append. */
@ApplicationScoped
public class PinStates {

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

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
