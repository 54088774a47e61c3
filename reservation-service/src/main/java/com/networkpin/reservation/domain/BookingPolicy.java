package com.networkpin.reservation.domain;

import java.time.Duration;

/**
 * The configurable limits of booking and visiting.
 *
 * @param maxDaysAhead the furthest day that can be booked, counted in Japan dates from today
 * @param noShowGrace  how long after its slot ends a booking that nobody checked in becomes a no-show
 */
public record BookingPolicy(int maxDaysAhead, Duration noShowGrace) {
}
