package com.networkpin.reservation.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache's queries on the shop table; {@link ShopStore} is the store the services use. */
@ApplicationScoped
class ShopEntities implements PanacheRepositoryBase<ShopEntity, String> {
}
