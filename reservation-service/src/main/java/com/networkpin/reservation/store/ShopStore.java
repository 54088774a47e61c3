package com.networkpin.reservation.store;

import com.networkpin.reservation.domain.OpeningHours;
import com.networkpin.reservation.domain.Shop;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/** The shop catalogue table. Opening hours are JSON: {"MONDAY": {"opens": "10:00", "closes": "19:00"}, ...}. */
@ApplicationScoped
public class ShopStore {

    private static final String COLUMNS =
            "shop_id, name, prefecture, address, opening_hours::text, closed_dates, counters";

    public Uni<List<Shop>> list(SqlClient client, Optional<String> prefecture) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM shop"
                        + " WHERE $1::text IS NULL OR lower(prefecture) = lower($1) ORDER BY prefecture, shop_id")
                .execute(Tuple.of(prefecture.orElse(null)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ShopStore::toShop).toList());
    }

    public Uni<Optional<Shop>> find(SqlClient client, String shopId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM shop WHERE shop_id = $1")
                .execute(Tuple.of(shopId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toShop(rows.iterator().next())));
    }

    /** Adds or replaces a shop; true when it was added. Existing bookings keep their slots. */
    public Uni<Boolean> save(SqlClient client, Shop shop) {
        return client.preparedQuery("""
                        INSERT INTO shop (shop_id, name, prefecture, address, opening_hours, closed_dates, counters)
                        VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7)
                        ON CONFLICT (shop_id) DO UPDATE SET name = EXCLUDED.name, prefecture = EXCLUDED.prefecture,
                            address = EXCLUDED.address, opening_hours = EXCLUDED.opening_hours,
                            closed_dates = EXCLUDED.closed_dates, counters = EXCLUDED.counters
                        RETURNING (xmax = 0) AS added""")
                .execute(Tuple.from(List.of(shop.id(), shop.name(), shop.prefecture(), shop.address(),
                        hoursJson(shop.weeklyHours()), shop.sortedClosedDates().toArray(LocalDate[]::new),
                        shop.counters())))
                .map(rows -> rows.iterator().next().getBoolean("added"));
    }

    private static String hoursJson(Map<DayOfWeek, OpeningHours> weeklyHours) {
        JsonObject json = new JsonObject();
        new EnumMap<>(weeklyHours).forEach((day, hours) -> json.put(day.name(),
                new JsonObject().put("opens", hours.opens().toString()).put("closes", hours.closes().toString())));
        return json.encode();
    }

    private static Shop toShop(Row row) {
        JsonObject json = new JsonObject(row.getString(4));
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        json.forEach(entry -> {
            JsonObject day = (JsonObject) entry.getValue();
            hours.put(DayOfWeek.valueOf(entry.getKey()), OpeningHours.of(day.getString("opens"), day.getString("closes")));
        });
        LocalDate[] closed = row.getArrayOfLocalDates("closed_dates");
        return new Shop(row.getString("shop_id"), row.getString("name"), row.getString("prefecture"),
                row.getString("address"), hours, closed == null ? Set.of() : Set.copyOf(Arrays.asList(closed)),
                row.getInteger("counters"));
    }
}
