package com.networkpin.system;

import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackException;
import com.networkpin.launcher.StackService;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shop staff booking visits for fresh contracts, one after another, at a shop of the test's own that is
 * open round the clock. A booking that goes unanswered or is answered 503 (try again) is sent again
 * with the same Idempotency-Key until it is answered, as a careful client does: the answer then says whether it was
 * already booked (200) or is booked now (201), so every booking ends with a known reservation number.
 */
final class BookingTraffic {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String RESERVATIONS = StackService.RESERVATION_SERVICE.url();
    private static final Duration THINK_TIME = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    /** How long a booking is sent again after the traffic was asked to stop. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final int SLOTS_PER_DAY = 94; // 00:00 to 23:30, every quarter hour

    /** A booking answered 200 or 201, after how many failed sends. */
    record Booking(String contractId, String number, int failedSends) {
    }

    private final String prefix;
    private final String shopId;
    private final Http staff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Booking> bookings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failedSends = new AtomicInteger();
    private Thread thread;

    /** Adds (or replaces) the test's shop, open every day 00:00–23:45 with many counters. */
    BookingTraffic(String testName) {
        this.prefix = testName + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.shopId = testName.toLowerCase() + "-round-the-clock";
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("opens", "00:00", "closes", "23:45"));
        }
        PinApi.expect(RunningSystem.as(RunningSystem.actors().operator()).put(RESERVATIONS + "/shops/" + shopId,
                Map.of("name", testName + " Test Shop", "prefecture", "Tokyo", "address", "1-1 Marunouchi, Tokyo",
                        "openingHours", hours, "closedDates", List.of(), "counters", 50)), 200, 201);
        this.staff = RunningSystem.as(RunningSystem.actors().shopStaff(shopId));
    }

    /** Every contract this traffic books for starts with it. */
    String prefix() {
        return prefix;
    }

    void start() {
        running.set(true);
        thread = new Thread(this::loop, prefix + "-bookings");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the booking under way is answered; returns every answered booking. */
    List<Booking> stop() {
        running.set(false);
        try {
            thread.join(SETTLE_TIMEOUT.plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(bookings);
    }

    /** Bookings answered so far. */
    int booked() {
        return bookings.size();
    }

    int failedSends() {
        return failedSends.get();
    }

    /** Answers other than 200, 201 and 503: the booking was refused or failed, which no fault should cause. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void loop() {
        for (int n = 0; running.get(); n++) {
            book(prefix + "-" + n, slot(n));
            sleep(THINK_TIME);
        }
    }

    private void book(String contractId, String start) {
        Map<String, Object> body = Map.of("contractId", contractId, "shopId", shopId, "start", start,
                "purpose", "PIN_RESET");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        long settleDeadline = Long.MAX_VALUE;
        for (int failed = 0; System.nanoTime() < settleDeadline; failed++) {
            Http.Reply reply = send(body, key);
            if (reply != null && (reply.status() == 200 || reply.status() == 201)) {
                bookings.add(new Booking(contractId, reply.text("reservationNumber"), failed));
                return;
            }
            if (reply != null && reply.status() != 503) {
                refusals.add(contractId + ": " + reply.status() + " " + reply.rawBody());
                return;
            }
            failedSends.incrementAndGet();
            if (!running.get() && settleDeadline == Long.MAX_VALUE) {
                settleDeadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            }
            sleep(RETRY_PAUSE);
        }
        refusals.add(contractId + ": still unanswered " + SETTLE_TIMEOUT.toSeconds() + " s after the traffic stopped");
    }

    private Http.Reply send(Map<String, Object> body, Map<String, String> key) {
        try {
            return staff.post(RESERVATIONS + "/reservations", body, key);
        } catch (StackException e) { // no answer
            return null;
        }
    }

    /** A different quarter hour for each booking, from three days ahead (other tests may have moved the clocks a day). */
    private static String slot(int n) {
        LocalDate date = LocalDate.now(JAPAN).plusDays(3 + n / SLOTS_PER_DAY);
        LocalTime time = LocalTime.MIDNIGHT.plusMinutes(15L * (n % SLOTS_PER_DAY));
        return ZonedDateTime.of(date, time, JAPAN).toOffsetDateTime().toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
