package com.networkpin.reservation.service;

import com.networkpin.reservation.domain.Reservation;
import com.networkpin.reservation.domain.Shop;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.PinLockStore;
import com.networkpin.reservation.store.ReservationProjection;
import com.networkpin.reservation.store.ReservationRecord;
import com.networkpin.reservation.store.ShopStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import com.networkpin.reservation.domain.Slots;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reservations as the customer and the shop see them: the read model, the shop, and the PIN's lock advice. */
@ApplicationScoped
public class ReservationViews {

    private final Pool pool;
    private final ReservationProjection projection;
    private final ShopStore shops;
    private final PinLockStore pinLocks;
    private final Clock clock;

    public ReservationViews(Pool pool, ReservationProjection projection, ShopStore shops, PinLockStore pinLocks,
                            Clock clock) {
        this.pool = pool;
        this.projection = projection;
        this.shops = shops;
        this.pinLocks = pinLocks;
        this.clock = clock;
    }

    /** One reservation, once {@code access} let the caller see it. */
    public Uni<ReservationView> get(String number, Consumer<Reservation> access) {
        return projection.find(pool, number)
                .map(found -> found.orElseThrow(() -> new ReservationNotFound(number)))
                .invoke(record -> access.accept(record.toReservation()))
                .chain(record -> shops.find(record.shopId())
                        .map(found -> found.orElseThrow(() -> new ShopNotFound(record.shopId())))
                        .chain(shop -> view(pool, record, shop)));
    }

    public Uni<List<ReservationView>> ofContract(String contractId) {
        return projection.ofContract(pool, contractId).chain(records -> records.isEmpty()
                ? Uni.createFrom().item(List.<ReservationView>of())
                : shops.list(Optional.empty()).chain(all -> lockAdvice(pool, contractId)
                        .map(advice -> viewsAtTheirShops(records, all, advice))));
    }

    /**
     * A shop's visits of one Japanese date, for its staff. No lock advice: that is the holder's, and
     * the shop sees the PIN's state at the terminal.
     */
    public Uni<List<ReservationView>> ofShopOn(String shopId, LocalDate date) {
        Instant from = Slots.startOf(date);
        Instant to = Slots.startOf(date.plusDays(1));
        return shop(pool, shopId, ShopNotFound::new).chain(shop -> projection.ofShopBetween(pool, shopId, from, to)
                .map(records -> records.stream().map(r -> ReservationView.of(r, shop, null)).toList()));
    }

    /** The reservation as it now is in {@code client}'s transaction. */
    Uni<ReservationView> current(SqlClient client, String number) {
        return projection.find(client, number).chain(found -> view(client, found.orElseThrow()));
    }

    /** A reservation at a shop already loaded. */
    Uni<ReservationView> view(SqlClient client, ReservationRecord record, Shop shop) {
        return lockAdvice(client, record.contractId()).map(advice -> ReservationView.of(record, shop, advice));
    }

    /** The shop as {@code client}'s transaction sees it (see {@link ShopStore#find(SqlClient, String)}). */
    Uni<Shop> shop(SqlClient client, String shopId, Function<String, RuntimeException> missing) {
        return shops.find(client, shopId).map(found -> found.orElseThrow(() -> missing.apply(shopId)));
    }

    private Uni<ReservationView> view(SqlClient client, ReservationRecord record) {
        return shop(client, record.shopId(), ShopNotFound::new).chain(shop -> view(client, record, shop));
    }

    /** What to tell the holder while the contract's PIN is locked; null when it is not. */
    private Uni<String> lockAdvice(SqlClient client, String contractId) {
        return pinLocks.find(client, contractId).map(lock -> lock.adviceAt(clock.instant()).orElse(null));
    }

    private static List<ReservationView> viewsAtTheirShops(List<ReservationRecord> records, List<Shop> shops,
                                                           String advice) {
        Map<String, Shop> byId = shops.stream().collect(Collectors.toMap(Shop::id, s -> s));
        return records.stream().map(r -> ReservationView.of(r, byId.get(r.shopId()), advice)).toList();
    }
}
