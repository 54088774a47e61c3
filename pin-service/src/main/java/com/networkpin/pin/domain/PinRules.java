package com.networkpin.pin.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a PIN must look like and which PINs are too easy to guess.
 *
 * <p>Full-width digits (U+FF10–U+FF19, as typed with a Japanese IME) are the same digits as ASCII
 * ones; any other character, and any length but four, is refused. Runs are read cyclically
 * (…8, 9, 0, 1…): 8901 and 9012 are refused like 1234, and 1098 like 9876, since they are typed
 * the same way along the keypad and are just as guessable.
 */
public final class PinRules {

    private static final char FULL_WIDTH_ZERO = '\uFF10';
    private static final char FULL_WIDTH_NINE = '\uFF19';

    private PinRules() {
    }

    /** The PIN in ASCII digits, or a refusal if it is not exactly four (ASCII or full-width) digits. */
    public static PinCode normalise(String raw) {
        if (raw == null || raw.length() != 4) {
            throw notFourDigits();
        }
        StringBuilder digits = new StringBuilder(4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= FULL_WIDTH_ZERO && c <= FULL_WIDTH_NINE) {
                digits.append((char) ('0' + (c - FULL_WIDTH_ZERO)));
            } else {
                throw notFourDigits();
            }
        }
        return new PinCode(digits.toString());
    }

    /** The normalised PIN if it is acceptable as a new PIN for a holder with this birth date and phone number. */
    public static PinCode requireStrong(String raw, LocalDate birthDate, String phoneNumber) {
        PinCode pin = normalise(raw);
        weakness(pin, birthDate, phoneNumber).ifPresent(reason -> {
            throw new PinRefused(reason, "The PIN is too easy to guess (" + reason + "); choose another.");
        });
        return pin;
    }

    /** Why the PIN is too easy to guess, if it is. Birth date and phone number may be null. */
    public static Optional<RefusalReason> weakness(PinCode pin, LocalDate birthDate, String phoneNumber) {
        String d = pin.digits();
        if (d.chars().distinct().count() == 1) {
            return Optional.of(RefusalReason.ALL_SAME_DIGITS);
        }
        if (isRun(d, 1)) {
            return Optional.of(RefusalReason.ASCENDING_RUN);
        }
        if (isRun(d, -1)) {
            return Optional.of(RefusalReason.DESCENDING_RUN);
        }
        if (birthDate != null && d.equals(String.format("%02d%02d", birthDate.getMonthValue(), birthDate.getDayOfMonth()))) {
            return Optional.of(RefusalReason.BIRTH_DATE);
        }
        if (birthDate != null && d.equals(String.format("%04d", birthDate.getYear()))) {
            return Optional.of(RefusalReason.BIRTH_YEAR);
        }
        if (phoneNumber != null && lastFourDigits(phoneNumber).filter(d::equals).isPresent()) {
            return Optional.of(RefusalReason.PHONE_NUMBER);
        }
        return Optional.empty();
    }

    private static boolean isRun(String digits, int step) {
        for (int i = 1; i < digits.length(); i++) {
            int expected = Math.floorMod(digits.charAt(i - 1) - '0' + step, 10);
            if (digits.charAt(i) - '0' != expected) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> lastFourDigits(String phoneNumber) {
        StringBuilder digits = new StringBuilder();
        for (char c : phoneNumber.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= FULL_WIDTH_ZERO && c <= FULL_WIDTH_NINE) {
                digits.append((char) ('0' + (c - FULL_WIDTH_ZERO)));
            }
        }
        return digits.length() < 4 ? Optional.empty() : Optional.of(digits.substring(digits.length() - 4));
    }

    private static PinRefused notFourDigits() {
        return new PinRefused(RefusalReason.NOT_FOUR_DIGITS, "A PIN is exactly 4 digits (0-9, half- or full-width).");
    }
}
