package com.networkpin.events;

/** The online usage scene that asked for a PIN verification; recorded with every attempt. */
public enum Channel {
    ONLINE_PROCEDURE,
    BILLING,
    MY_DOCOMO,
    D_PAYMENT,
    REMOTE_RESUME,
    D_PAYMENT_BALANCE
}
