package com.networkpin.pin.domain;

public enum PinStatus {
    NOT_SET,
    ACTIVE,
    LOCKED
}
