package com.networkpin.reservation.service;

/** No shop has this id. */
public class ShopNotFound extends RuntimeException {

    public ShopNotFound(String shopId) {
        super("No shop " + shopId + ".", null, false, false);
    }
}
