package com.networkpin.reservation.service;

import com.networkpin.events.LogSafe;
import com.networkpin.reservation.domain.Shop;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.reservation.store.SlotUsageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Today's slot utilisation per shop (booked counters ÷ the counters of all of today's slots, Japanese
 * date), refreshed every {@code network-pin.reservation.slot-utilisation-every}. The shop is the only
 * label: a bounded catalogue, never a contract or a reservation.
 */
@ApplicationScoped
public class SlotUtilisation {

    private static final Logger LOG = Logger.getLogger(SlotUtilisation.class);

    private final ShopCatalogue catalogue;
    private final SlotUsageStore slots;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> byShop = new ConcurrentHashMap<>();

    public SlotUtilisation(ShopCatalogue catalogue, SlotUsageStore slots, Pool pool, Clock clock,
                           MeterRegistry registry) {
        this.catalogue = catalogue;
        this.slots = slots;
        this.pool = pool;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(identity = "slot-utilisation", every = "${network-pin.reservation.slot-utilisation-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return refresh()
                .onFailure().invoke(failure -> LOG.warnf("slot utilisation not refreshed, the next run retries: %s",
                        LogSafe.message(failure)))
                .onFailure().recoverWithNull();
    }

    /** Reads today's bookings of every shop and sets the gauges. */
    public Uni<Void> refresh() {
        LocalDate today = Slots.local(clock.instant()).toLocalDate();
        Instant from = Slots.startOf(today);
        Instant to = Slots.startOf(today.plusDays(1));
        return catalogue.list(Optional.empty())
                .chain(shops -> slots.bookedPerShopBetween(pool, from, to).invoke(booked -> set(shops, today, booked)))
                .replaceWithVoid();
    }

    private void set(List<Shop> shops, LocalDate today, Map<String, Integer> booked) {
        for (Shop shop : shops) {
            int counters = shop.slotStarts(today).size() * shop.counters();
            double utilisation = counters == 0 ? 0 : booked.getOrDefault(shop.id(), 0) / (double) counters;
            byShop.computeIfAbsent(shop.id(), this::register).set(utilisation);
        }
    }

    private AtomicReference<Double> register(String shopId) {
        AtomicReference<Double> value = new AtomicReference<>(0.0);
        Gauge.builder("network-pin.reservation.slot.utilisation", value, AtomicReference::get).tag("shop", shopId)
                .description("Share of today's slot counters booked, per shop (Japanese date)")
                .strongReference(true).register(registry);
        return value;
    }
}
