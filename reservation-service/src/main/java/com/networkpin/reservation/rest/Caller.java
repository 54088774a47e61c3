package com.networkpin.reservation.rest;

import com.networkpin.reservation.domain.Reservation;
import com.networkpin.support.security.Access;
import com.networkpin.support.security.Roles;
import java.util.Optional;

/**
 * Who calls a reservation endpoint, read from the verified token once, at the start of the request:
 * the checks below also run later, inside a command's transaction once the reservation is loaded,
 * where the request scope is not at hand.
 *
 * @param subject  the token's subject: the staff member a check-in records
 * @param contract the contract of a customer (empty for anyone else)
 * @param shop     the shop of shop staff (empty for anyone else)
 */
record Caller(String subject, Optional<String> contract, Optional<String> shop) {

    static Caller of(Access access) {
        return new Caller(access.subject(),
                access.is(Roles.CUSTOMER) ? access.contract() : Optional.empty(),
                access.is(Roles.SHOP_STAFF) ? access.shop() : Optional.empty());
    }

    /** The holder of the contract, or staff of the shop; anyone else is refused with a 403. */
    void requireContractOrShop(String contractId, String shopId) {
        if (!holds(contractId) && !worksAt(shopId)) {
            throw Access.forbidden(shop.isPresent()
                    ? "Shop staff may act only for their own shop."
                    : "A customer may act only on their own contract.");
        }
    }

    /** For reservations: the customer of its contract or staff of its (current) shop. */
    void requireContractOrShop(Reservation reservation) {
        requireContractOrShop(reservation.contractId(), reservation.shopId());
    }

    /** Only a customer of this contract. */
    void requireContract(String contractId) {
        if (!holds(contractId)) {
            throw Access.forbidden("A customer may act only on their own contract.");
        }
    }

    /** Only staff of the reservation's shop, whose token names them (the check-in records who it was). */
    void requireStaffOf(Reservation reservation) {
        if (!worksAt(reservation.shopId())) {
            throw Access.forbidden("Shop staff may act only for their own shop.");
        }
        if (subject == null || subject.isBlank()) {
            throw Access.forbidden("The token names no subject to record as the staff member.");
        }
    }

    /** Only staff of this shop. */
    void requireStaffOf(String shopId) {
        if (!worksAt(shopId)) {
            throw Access.forbidden("Shop staff may act only for their own shop.");
        }
    }

    /** Staff book at their own shop's counter, where the slot in progress can still be taken. */
    boolean worksAt(String shopId) {
        return shop.filter(shopId::equals).isPresent();
    }

    private boolean holds(String contractId) {
        return contract.filter(contractId::equals).isPresent();
    }
}
