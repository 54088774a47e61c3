package com.networkpin.reservation.service;

import com.networkpin.reservation.domain.BookingPolicy;
import com.networkpin.reservation.domain.Shop;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.reservation.rest.DaySlots;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.ShopStore;
import com.networkpin.reservation.store.SlotUsageStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shops, their opening hours and the free counters of their slots. */
@ApplicationScoped
public class ShopCatalogue {

    private final Pool pool;
    private final ShopStore shops;
    private final SlotUsageStore slots;
    private final BookingPolicy policy;
    private final Clock clock;

    public ShopCatalogue(Pool pool, ShopStore shops, SlotUsageStore slots, BookingPolicy policy, Clock clock) {
        this.pool = pool;
        this.shops = shops;
        this.slots = slots;
        this.policy = policy;
        this.clock = clock;
    }

    public Uni<List<Shop>> list(Optional<String> prefecture) {
        return shops.list(prefecture);
    }

    public Uni<Shop> get(String shopId) {
        return shops.find(shopId).map(found -> found.orElseThrow(() -> new ShopNotFound(shopId)));
    }

    /** Adds or replaces a shop; true when it was added. */
    public Uni<Boolean> save(Shop shop) {
        return shops.save(shop);
    }

    public Uni<DaySlots> slotsOn(String shopId, LocalDate date) {
        return get(shopId).chain(shop -> {
            List<Instant> starts = shop.slotStarts(date);
            if (starts.isEmpty()) {
                return Uni.createFrom().item(new DaySlots(shopId, date, false, List.of()));
            }
            return slots.bookedBetween(pool, shopId, starts.get(0), Slots.end(starts.get(starts.size() - 1)))
                    .map(booked -> new DaySlots(shopId, date, true, toSlots(shop, starts, booked)));
        });
    }

    private List<DaySlots.Slot> toSlots(Shop shop, List<Instant> starts, Map<Instant, Integer> booked) {
        Instant now = clock.instant();
        LocalDate lastBookableDay = Slots.local(now).toLocalDate().plusDays(policy.maxDaysAhead());
        return starts.stream().map(start -> {
            int remaining = Math.max(0, shop.counters() - booked.getOrDefault(start, 0));
            boolean bookable = remaining > 0 && !start.isBefore(now)
                    && !Slots.local(start).toLocalDate().isAfter(lastBookableDay);
            return new DaySlots.Slot(start, Slots.end(start),
                    shop.counters(), remaining, bookable);
        }).toList();
    }
}
