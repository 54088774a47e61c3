package com.networkpin.reservation.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.Locked;
import com.networkpin.events.PinEvent;
import com.networkpin.events.PinReset;
import com.networkpin.events.Unlocked;
import com.networkpin.reservation.domain.PinLock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each contract's PIN lock, as last seen on the PIN topic. */
@ApplicationScoped
public class PinLockStore {

    public Uni<PinLock> find(SqlClient client, String contractId) {
        return client.preparedQuery("SELECT locked_until FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contractId))
                .map(rows -> {
                    OffsetDateTime until = rows.rowCount() == 0 ? null : rows.iterator().next().getOffsetDateTime(0);
                    return new PinLock(contractId, until == null ? null : until.toInstant());
                });
    }

    /** A contract's lock state as of one event of its PIN stream: locked until, or null when not locked. */
    public record Recorded(String contractId, Instant lockedUntil, long sequence, Instant asOf) {

        /** What a Locked, an Unlocked or a PinReset leaves; empty for the events that change no lock. */
        public static Optional<Recorded> of(EventEnvelope<? extends DomainEvent> envelope) {
            DomainEvent event = envelope.data();
            Instant lockedUntil;
            if (event instanceof Locked locked) {
                lockedUntil = locked.unlocksAt();
            } else if (event instanceof Unlocked || event instanceof PinReset) {
                lockedUntil = null;
            } else {
                return Optional.empty();
            }
            return Optional.of(new Recorded(((PinEvent) event).contractId(), lockedUntil, envelope.sequence(),
                    envelope.occurredAt()));
        }
    }

    /**
     * Records the lock states as of events of the contracts' PIN streams, in one statement: an event
     * earlier in its stream (a lower envelope sequence) than the one recorded changes nothing. The order
     * is the stream's, never the event times, which come from the clocks of whichever pin-service
     * instances appended them, nor the order of {@code states}: of a contract's states only the highest
     * sequence can stand, so the others are left out first (one statement may change a row only once).
     * {@code as_of} keeps the event's time for reading.
     */
    public Uni<Void> recordAll(SqlClient tx, Collection<Recorded> states) {
        Map<String, Recorded> newest = new LinkedHashMap<>();
        for (Recorded state : states) {
            newest.merge(state.contractId(), state, (kept, other) -> other.sequence() > kept.sequence() ? other : kept);
        }
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Collection<Recorded> rows = newest.values();
        return tx.preparedQuery("""
                        INSERT INTO contract_pin_lock AS l (contract_id, locked_until, sequence, as_of)
                        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::timestamptz[])
                        ON CONFLICT (contract_id) DO UPDATE SET locked_until = EXCLUDED.locked_until,
                            sequence = EXCLUDED.sequence, as_of = EXCLUDED.as_of
                        WHERE l.sequence < EXCLUDED.sequence""")
                .execute(columns(rows))
                .replaceWithVoid();
    }

    /** Keeps the live consumer's writes waiting until the caller's transaction (a rebuild) ends; reads go on. */
    public Uni<Void> holdWriters(SqlClient tx) {
        return tx.query("LOCK TABLE contract_pin_lock IN EXCLUSIVE MODE").execute().replaceWithVoid();
    }

    /** Replaces every row with the given states, in the caller's transaction: one statement each to empty and fill. */
    public Uni<Void> replaceAll(SqlClient tx, List<Recorded> states) {
        return tx.query("DELETE FROM contract_pin_lock").execute()
                .chain(() -> tx.preparedQuery("""
                                INSERT INTO contract_pin_lock (contract_id, locked_until, sequence, as_of)
                                SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::timestamptz[])""")
                        .execute(columns(states)))
                .replaceWithVoid();
    }

    /** The states as the four column arrays the statements above unnest. */
    private static Tuple columns(Collection<Recorded> states) {
        return Tuple.of(
                states.stream().map(Recorded::contractId).toArray(String[]::new),
                states.stream().map(state -> state.lockedUntil() == null ? null : utc(state.lockedUntil()))
                        .toArray(OffsetDateTime[]::new),
                states.stream().map(Recorded::sequence).toArray(Long[]::new),
                states.stream().map(state -> utc(state.asOf())).toArray(OffsetDateTime[]::new));
    }
}
