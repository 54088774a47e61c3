package com.networkpin.reservation.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import com.networkpin.eventstore.store.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many counters of each slot are booked. The counters are enforced here, in the database: a
 * slot is taken by one conditional statement under the slot row's lock, so concurrent bookings
 * can never exceed the counters whatever the application instances do.
 */
@ApplicationScoped
public class SlotUsageStore {

    /** Booked counts per slot start in [from, to). */
    public Uni<Map<Instant, Integer>> bookedBetween(SqlClient client, String shopId, Instant from, Instant to) {
        return client.preparedQuery("""
                        SELECT slot_start, booked FROM slot_usage
                        WHERE shop_id = $1 AND slot_start >= $2 AND slot_start < $3""")
                .execute(Tuple.of(shopId, utc(from), utc(to)))
                .map(rows -> {
                    Map<Instant, Integer> booked = new HashMap<>();
                    rows.forEach(row -> booked.put(row.getOffsetDateTime(0).toInstant(), row.getInteger(1)));
                    return booked;
                });
    }

    /** Booked counters per shop over slots starting in [from, to). */
    public Uni<Map<String, Integer>> bookedPerShopBetween(SqlClient client, Instant from, Instant to) {
        return client.preparedQuery("""
                        SELECT shop_id, sum(booked)::int FROM slot_usage
                        WHERE slot_start >= $1 AND slot_start < $2 GROUP BY shop_id""")
                .execute(Tuple.of(utc(from), utc(to)))
                .map(rows -> {
                    Map<String, Integer> booked = new HashMap<>();
                    rows.forEach(row -> booked.put(row.getString(0), row.getInteger(1)));
                    return booked;
                });
    }

    /** A lock-free look, to refuse early when the slot is already full; {@link #take} decides. */
    public Uni<Integer> booked(SqlClient client, String shopId, Instant slotStart) {
        return client.preparedQuery("SELECT booked FROM slot_usage WHERE shop_id = $1 AND slot_start = $2")
                .execute(Tuple.of(shopId, utc(slotStart)))
                .map(rows -> rows.rowCount() == 0 ? 0 : rows.iterator().next().getInteger(0));
    }

    /** Takes one counter of the slot if one is free; false when all {@code counters} are taken. */
    public Uni<Boolean> take(SqlClient tx, String shopId, Instant slotStart, int counters) {
        return tx.preparedQuery("""
                        INSERT INTO slot_usage AS s (shop_id, slot_start, booked) VALUES ($1, $2, 1)
                        ON CONFLICT (shop_id, slot_start) DO UPDATE SET booked = s.booked + 1
                        WHERE s.booked < $3
                        RETURNING booked""")
                .execute(Tuple.of(shopId, utc(slotStart), counters))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> release(SqlClient tx, String shopId, Instant slotStart) {
        return tx.preparedQuery("""
                        UPDATE slot_usage SET booked = booked - 1
                        WHERE shop_id = $1 AND slot_start = $2 AND booked > 0""")
                .execute(Tuple.of(shopId, utc(slotStart)))
                .replaceWithVoid();
    }

    /**
     * Locks the rows of several slots of one shop in start order, creating missing ones, so that
     * two transactions that each move a booking between the same slots never deadlock.
     */
    public Uni<Void> lockInOrder(SqlClient tx, String shopId, List<Instant> slotStarts) {
        OffsetDateTime[] starts = slotStarts.stream().sorted().map(SqlValues::utc).toArray(OffsetDateTime[]::new);
        return tx.preparedQuery("""
                        INSERT INTO slot_usage (shop_id, slot_start, booked) SELECT $1, unnest($2::timestamptz[]), 0
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(shopId, starts))
                .chain(() -> tx.preparedQuery("""
                                SELECT booked FROM slot_usage WHERE shop_id = $1 AND slot_start = ANY($2)
                                ORDER BY slot_start FOR UPDATE""")
                        .execute(Tuple.of(shopId, starts)))
                .replaceWithVoid();
    }
}
