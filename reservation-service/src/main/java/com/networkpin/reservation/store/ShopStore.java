package com.networkpin.reservation.store;

import com.networkpin.reservation.domain.Shop;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The shop catalogue: the operator's edits and the lookups by id and prefecture go through Hibernate
 * Reactive ({@link ShopEntity}); a transaction of the booking reads its shop in SQL on its own connection.
 */
@ApplicationScoped
public class ShopStore {

    private static final Sort BY_PREFECTURE = Sort.by("prefecture", "shopId");
    /** The columns {@link #toShop(Row)} reads, first in a row. */
    static final String COLUMNS = "shop_id, name, name_ja, prefecture, address, opening_hours::text, closed_dates,"
            + " counters";
    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = 8;

    private final ShopEntities entities;

    public ShopStore(ShopEntities entities) {
        this.entities = entities;
    }

    @WithSession
    public Uni<List<Shop>> list(Optional<String> prefecture) {
        return prefecture.map(wanted -> entities.list("lower(prefecture) = lower(:prefecture)", BY_PREFECTURE,
                        Parameters.with("prefecture", wanted)))
                .orElseGet(() -> entities.listAll(BY_PREFECTURE))
                .map(found -> found.stream().map(ShopEntity::toShop).toList());
    }

    @WithSession
    public Uni<Optional<Shop>> find(String shopId) {
        return entities.findById(shopId).map(found -> Optional.ofNullable(found).map(ShopEntity::toShop));
    }

    /**
     * Adds or replaces a shop; true when it was added. Existing bookings keep their slots. Two
     * operators adding the same new shop at once: the second insert's unique violation is retried,
     * and then replaces the first's, as the single upsert this replaced did.
     */
    public Uni<Boolean> save(Shop shop) {
        return Panache.withTransaction(() -> entities.findById(shop.id()).chain(stored -> {
                    if (stored == null) {
                        return entities.persist(ShopEntity.of(shop)).replaceWith(true);
                    }
                    stored.replaceWith(shop);
                    return Uni.createFrom().item(false);
                }))
                .onFailure(ShopStore::isUniqueViolation).retry().atMost(1);
    }

    /**
     * The shop as {@code tx} sees it, for the booking and the changes of a reservation. SQL, not
     * Hibernate, because it must share their transaction: a Hibernate session would take a second
     * connection from the same pool while the transaction holds one (under a storm of bookings, every
     * connection would wait for another).
     */
    public Uni<Optional<Shop>> find(SqlClient tx, String shopId) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM shop WHERE shop_id = $1")
                .execute(Tuple.of(shopId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toShop(rows.iterator().next())));
    }

    /** The shop in a row that starts with {@link #COLUMNS}. */
    static Shop toShop(Row row) {
        return new ShopEntity(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getArrayOfLocalDates(6), row.getInteger(7)).toShop();
    }

    /** Hibernate Reactive reports a failed flush as Hibernate's exception (the PostgreSQL error is its cause). */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
            }
        }
        return false;
    }
}
