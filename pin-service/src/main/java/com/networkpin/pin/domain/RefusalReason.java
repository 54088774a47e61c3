package com.networkpin.pin.domain;

/** Why a command was refused; machine-readable, returned to clients as the problem's {@code reason}. */
public enum RefusalReason {
    // The PIN itself
    NOT_FOUR_DIGITS,
    ALL_SAME_DIGITS,
    ASCENDING_RUN,
    DESCENDING_RUN,
    BIRTH_DATE,
    BIRTH_YEAR,
    PHONE_NUMBER,
    // The aggregate's state
    PIN_NOT_SET,
    PIN_ALREADY_SET,
    // Support disclosure
    OUTSIDE_MANNED_HOURS,
    DAILY_DISCLOSURE_LIMIT,
    // The people with power (InsiderPolicy)
    AGENT_DISCLOSURE_LIMIT,
    STAFF_RESET_LIMIT,
    // Shop reset
    GRANT_NOT_RECEIVED,
    GRANT_OF_ANOTHER_SHOP,
    GRANT_EXPIRED,
    GRANT_USED
}
