package com.networkpin.events;

/** Why a customer visits a shop. Only PIN change and reset are free of charge and lead to a reset grant. */
public enum VisitPurpose {
    PIN_RESET,
    PIN_CHANGE,
    OTHER;

    public boolean authorisesPinReset() {
        return this != OTHER;
    }
}
