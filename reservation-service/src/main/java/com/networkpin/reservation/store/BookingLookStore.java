package com.networkpin.reservation.store;

import static com.networkpin.eventstore.store.SqlValues.utc;

import com.networkpin.reservation.domain.BookVisit;
import com.networkpin.reservation.domain.ReservationStatus;
import com.networkpin.reservation.domain.Shop;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a booking would meet, read in one statement outside any transaction: whether its
 * Idempotency-Key is taken, its shop, how many counters of its slot are booked, and whether the
 * contract already has an active booking of its purpose. One statement is one snapshot, so the
 * four are true together at one instant.
 */
@ApplicationScoped
public class BookingLookStore {

    /** The look; {@code shop} is empty for an unknown shop. */
    public record BookingLook(boolean keyTaken, Optional<Shop> shop, int booked, boolean activeBookingOfPurpose) {
    }

    private static final String[] ACTIVE = Arrays.stream(ReservationStatus.values())
            .filter(ReservationStatus::isActive).map(Enum::name).toArray(String[]::new);

    public Uni<BookingLook> look(SqlClient client, String key, BookVisit command) {
        return client.preparedQuery("SELECT " + ShopStore.COLUMNS + ", " + """
                        EXISTS (SELECT 1 FROM idempotency_key WHERE idempotency_key = $1),
                        COALESCE((SELECT booked FROM slot_usage WHERE shop_id = $2 AND slot_start = $3), 0),
                        EXISTS (SELECT 1 FROM reservation
                                WHERE contract_id = $4 AND purpose = $5 AND status = ANY($6))
                        FROM (SELECT 1) one LEFT JOIN shop ON shop_id = $2""")
                .execute(Tuple.of(key, command.shopId(), utc(command.start()), command.contractId(),
                        command.purpose().name(), ACTIVE))
                .map(rows -> toLook(rows.iterator().next()));
    }

    private static BookingLook toLook(Row row) {
        Optional<Shop> shop = row.getString(0) == null ? Optional.empty() : Optional.of(ShopStore.toShop(row));
        int next = ShopStore.COLUMN_COUNT;
        return new BookingLook(row.getBoolean(next), shop, row.getInteger(next + 1), row.getBoolean(next + 2));
    }
}
