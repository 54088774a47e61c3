package com.networkpin.bench;

import com.networkpin.events.JapanTime;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * P4: many bookings of one slot sent at the same moment, each for another contract; the shop has
 * three counters, so exactly three may be booked and every other one must get a clean 4xx.
 */
final class BookingStorm {

    static final int COUNTERS = 3;
    private static final ZoneId JAPAN = JapanTime.DEFAULT_ZONE;
    private static final String URL = StackService.RESERVATION_SERVICE.url();
    /** Its own client: the storm opens a connection per booking, as that many customers would. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the storm saw; latencies in microseconds from each request's sending. */
    record Result(int booked, int refused, int other, Histogram latencies) {
    }

    private final String shopId = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    /** An operator adds a shop open every day 09:00–18:00 with three counters. */
    BookingStorm openShop() {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("opens", "09:00", "closes", "18:00"));
        }
        Http.Reply reply = new Http().as(Principals.actors().operator()).put(URL + "/shops/" + shopId, Map.of("name", "Benchmark Shop",
                "prefecture", "Tokyo", "address", "1-1-1 Marunouchi, Chiyoda-ku, Tokyo", "openingHours", hours,
                "counters", COUNTERS));
        if (reply.status() != 201) {
            throw new IllegalStateException("shop not added: " + reply.status() + " " + reply.rawBody());
        }
        return this;
    }

    /**
     * {@code bookings} bookings of tomorrow's slot at {@code time} (Japan), all sent at once, each for
     * another contract: as the shop's terminal, which books for any customer at its shop.
     */
    Result storm(int bookings, LocalTime time) {
        String staffToken = Principals.actors().shopStaff(shopId).bearer();
        String start = ZonedDateTime.of(LocalDate.now(JAPAN).plusDays(1), time, JAPAN)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<HttpRequest> requests = new ArrayList<>(bookings);
        for (int i = 0; i < bookings; i++) {
            requests.add(booking("STORM-" + run + "-" + i, start, staffToken));
        }
        Histogram latencies = new Histogram(3);
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[bookings];
        for (int i = 0; i < bookings; i++) {
            long sent = System.nanoTime();
            answers[i] = HTTP.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long micros = (System.nanoTime() - sent) / 1_000;
                        synchronized (latencies) {
                            latencies.recordValue(micros);
                        }
                        if (failure != null) {
                            other.incrementAndGet();
                        } else if (response.statusCode() == 201) {
                            booked.incrementAndGet();
                        } else if (response.statusCode() == 409 && isProblem(response)) {
                            refused.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(answers).exceptionally(ignored -> null).orTimeout(120, TimeUnit.SECONDS).join();
        return new Result(booked.get(), refused.get(), other.get(), latencies);
    }

    private static boolean isProblem(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private HttpRequest booking(String contract, String start, String staffToken) {
        String body = "{\"contractId\":\"" + contract + "\",\"shopId\":\"" + shopId + "\",\"start\":\"" + start
                + "\",\"purpose\":\"PIN_RESET\"}";
        return HttpRequest.newBuilder(URI.create(URL + "/reservations"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + staffToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
