package com.networkpin.pin.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code pin_state} snapshot: one row per contract, rewritten with every append. */
@ApplicationScoped
public class PinStates {

    /** A locked PIN's snapshot as far as an unlock needs it. */
    public record LockedPin(String contractId, long version, Instant unlocksAt) {
    }

    /** A snapshot's columns, in the order {@link #toPin} reads them. */
    private static final String COLUMNS = """
            version, status, consecutive_failures, locked_at, unlocks_at,
            salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date, pepper_id""";

    public Uni<Optional<Pin>> load(SqlClient client, String contractId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM pin_state WHERE contract_id = $1")
                .execute(Tuple.of(contractId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toPin(contractId, rows.iterator().next())));
    }

    /** The snapshots of those of {@code contractIds} that have one, by contract. */
    public Uni<Map<String, Pin>> loadAll(SqlClient client, Collection<String> contractIds) {
        return client.preparedQuery("SELECT " + COLUMNS + ", contract_id FROM pin_state WHERE contract_id = ANY($1)")
                .execute(Tuple.of(contractIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Pin> pins = new HashMap<>(rows.rowCount());
                    rows.forEach(row -> pins.put(row.getString(13), toPin(row.getString(13), row)));
                    return pins;
                });
    }

    public Uni<Void> save(SqlClient tx, Pin pin) {
        return saveAll(tx, List.of(pin));
    }

    /** Writes every snapshot in one statement (the rows go in as column arrays). */
    public Uni<Void> saveAll(SqlClient tx, Collection<Pin> pins) {
        if (pins.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = pins.size();
        String[] contractIds = new String[size];
        Long[] versions = new Long[size];
        String[] statuses = new String[size];
        Integer[] failures = new Integer[size];
        OffsetDateTime[] lockedAt = new OffsetDateTime[size];
        OffsetDateTime[] unlocksAt = new OffsetDateTime[size];
        Buffer[] salts = new Buffer[size];
        Buffer[] hmacs = new Buffer[size];
        String[] keyIds = new String[size];
        Buffer[] nonces = new Buffer[size];
        Buffer[] ciphertexts = new Buffer[size];
        LocalDate[] disclosureDates = new LocalDate[size];
        Integer[] disclosuresOnDate = new Integer[size];
        String[] pepperIds = new String[size];
        int i = 0;
        for (Pin pin : pins) {
            Credential c = pin.credential();
            contractIds[i] = pin.contractId();
            versions[i] = pin.version();
            statuses[i] = pin.status().name();
            failures[i] = pin.consecutiveFailures();
            lockedAt[i] = utc(pin.lockedAt());
            unlocksAt[i] = utc(pin.unlocksAt());
            if (c != null) {
                salts[i] = Buffer.buffer(c.salt());
                hmacs[i] = Buffer.buffer(c.hmac());
                keyIds[i] = c.keyId();
                nonces[i] = Buffer.buffer(c.nonce());
                ciphertexts[i] = Buffer.buffer(c.ciphertext());
                pepperIds[i] = c.pepperId();
            }
            disclosureDates[i] = pin.disclosureDate();
            disclosuresOnDate[i] = pin.disclosuresOnDate();
            i++;
        }
        return tx.preparedQuery("""
                        INSERT INTO pin_state (contract_id, version, status, consecutive_failures, locked_at, unlocks_at,
                                               salt, hmac, key_id, nonce, ciphertext, disclosure_date, disclosures_on_date,
                                               pepper_id)
                        SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::timestamptz[],
                                             $6::timestamptz[], $7::bytea[], $8::bytea[], $9::text[], $10::bytea[],
                                             $11::bytea[], $12::date[], $13::int[], $14::text[])
                        ON CONFLICT (contract_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                            consecutive_failures = EXCLUDED.consecutive_failures, locked_at = EXCLUDED.locked_at,
                            unlocks_at = EXCLUDED.unlocks_at, salt = EXCLUDED.salt, hmac = EXCLUDED.hmac,
                            key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
                            disclosure_date = EXCLUDED.disclosure_date, disclosures_on_date = EXCLUDED.disclosures_on_date,
                            pepper_id = EXCLUDED.pepper_id""")
                .execute(Tuple.from(List.<Object>of(contractIds, versions, statuses, failures, lockedAt, unlocksAt, salts,
                        hmacs, keyIds, nonces, ciphertexts, disclosureDates, disclosuresOnDate, pepperIds)))
                .replaceWithVoid();
    }

    /**
     * The next {@code limit} contracts after {@code afterContractId}, in order, whose lock is due by
     * {@code bound}, of lane {@code lane} of {@code lanes}: the lanes share the contracts out by a hash of the id.
     */
    public Uni<List<String>> lockedDueAfter(SqlClient client, Instant bound, String afterContractId, int limit,
                                            int lane, int lanes) {
        return client.preparedQuery("""
                        SELECT contract_id FROM pin_state
                        WHERE status = 'LOCKED' AND unlocks_at <= $1 AND contract_id > $2
                          AND mod(hashtext(contract_id)::bigint + 2147483648, $5) = $4
                        ORDER BY contract_id LIMIT $3""")
                .execute(Tuple.of(utc(bound), afterContractId, limit, lane, lanes))
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
