package com.networkpin.reservation.domain;

import java.util.random.RandomGenerator;

/**
 * Reservation numbers a person can read out over the phone: 7 characters from a 23-letter alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). 23^7 (about 3.4 billion) numbers keep collisions
 * rare; the store retries on one.
 */
public final class ReservationNumbers {

    public static final String ALPHABET = "ACDEFGHJKMNPQRTWXY34679";
    public static final int LENGTH = 7;

    private final RandomGenerator random;

    public ReservationNumbers(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        StringBuilder number = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }

    public static boolean looksValid(String number) {
        return number != null && number.length() == LENGTH && number.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
