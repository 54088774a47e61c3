package com.networkpin.reservation.store;

import com.networkpin.reservation.domain.OpeningHours;
import com.networkpin.reservation.domain.Shop;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of the shop catalogue (Flyway's V1__shops.sql, V6__shop_name_ja.sql), mapped by Hibernate
 * Reactive. Only this store sees it: the services get the domain's {@link Shop}.
 */
@Entity
@Table(name = "shop")
public class ShopEntity {

    @Id
    @Column(name = "shop_id")
    String shopId;
    String name;
    @Column(name = "name_ja")
    String nameJa;
    String prefecture;
    String address;
    /**
     * {"MONDAY": {"opens": "10:00", "closes": "19:00"}, ...}; JSONB in the table, text here. Written
     * through text: the PostgreSQL client would send a string bound as jsonb as a JSON string.
     */
    @Column(name = "opening_hours")
    @ColumnTransformer(read = "cast(opening_hours as text)", write = "cast(cast(? as text) as jsonb)")
    String openingHours;
    @Column(name = "closed_dates")
    LocalDate[] closedDates;
    int counters;

    protected ShopEntity() {
        // for Hibernate
    }

    ShopEntity(String shopId, String name, String nameJa, String prefecture, String address, String openingHours,
               LocalDate[] closedDates, int counters) {
        this.shopId = shopId;
        this.name = name;
        this.nameJa = nameJa;
        this.prefecture = prefecture;
        this.address = address;
        this.openingHours = openingHours;
        this.closedDates = closedDates;
        this.counters = counters;
    }

    static ShopEntity of(Shop shop) {
        ShopEntity entity = new ShopEntity();
        entity.replaceWith(shop);
        return entity;
    }

    /** Takes every value of {@code shop}; the id is the same when it replaces a stored shop. */
    void replaceWith(Shop shop) {
        shopId = shop.id();
        name = shop.name();
        nameJa = shop.nameJa();
        prefecture = shop.prefecture();
        address = shop.address();
        openingHours = hoursJson(shop.weeklyHours());
        closedDates = shop.sortedClosedDates().toArray(LocalDate[]::new);
        counters = shop.counters();
    }

    Shop toShop() {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        new JsonObject(openingHours).forEach(entry -> {
            JsonObject day = (JsonObject) entry.getValue();
            hours.put(DayOfWeek.valueOf(entry.getKey()), OpeningHours.of(day.getString("opens"), day.getString("closes")));
        });
        return new Shop(shopId, name, nameJa, prefecture, address, hours,
                closedDates == null ? Set.of() : Set.copyOf(Arrays.asList(closedDates)), counters);
    }

    private static String hoursJson(Map<DayOfWeek, OpeningHours> weeklyHours) {
        JsonObject json = new JsonObject();
        new EnumMap<>(weeklyHours).forEach((day, hours) -> json.put(day.name(),
                new JsonObject().put("opens", hours.opens().toString()).put("closes", hours.closes().toString())));
        return json.encode();
    }
}
