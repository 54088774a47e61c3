package com.networkpin.pin.domain;

import java.util.Objects;

/** Four ASCII digits, already normalised. {@link #toString()} masks them so no log or message can show a PIN. */
public record PinCode(String digits) {

    public PinCode {
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("a PIN is four ASCII digits");
        }
    }

    @Override
    public String toString() {
        return "PinCode[****]";
    }
}
