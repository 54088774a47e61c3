package com.networkpin.bench;

import com.networkpin.events.JapanTime;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.time.DayOfWeek;
import java.time.Duration;
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
import java.util.concurrent.CountDownLatch;
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
        List<JsonRequest> requests = new ArrayList<>(bookings);
        for (int i = 0; i < bookings; i++) {
            requests.add(booking("STORM-" + run + "-" + i, start, staffToken));
        }
        Histogram latencies = new Histogram(3);
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(bookings);
        // A client of its own whose pool opens a connection per booking, as that many customers would.
        HttpClient client = Load.client(bookings);
        try {
            for (int i = 0; i < bookings; i++) {
                long sent = System.nanoTime();
                Load.exchange(client, requests.get(i)).onComplete(answer -> {
                    long micros = (System.nanoTime() - sent) / 1_000;
                    synchronized (latencies) {
                        latencies.recordValue(micros);
                    }
                    if (answer.failed()) {
                        other.incrementAndGet();
                    } else if (answer.result().statusCode() == 201) {
                        booked.incrementAndGet();
                    } else if (answer.result().statusCode() == 409 && isProblem(answer.result())) {
                        refused.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                    answered.countDown();
                });
            }
            Load.await(answered, Duration.ofSeconds(120), "bookings unanswered");
        } finally {
            client.close();
        }
        return new Result(booked.get(), refused.get(), other.get(), latencies);
    }

    private static boolean isProblem(HttpClientResponse response) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.startsWith("application/problem+json");
    }

    private JsonRequest booking(String contract, String start, String staffToken) {
        String body = "{\"contractId\":\"" + contract + "\",\"shopId\":\"" + shopId + "\",\"start\":\"" + start
                + "\",\"purpose\":\"PIN_RESET\"}";
        return new JsonRequest(HttpMethod.POST, URL + "/reservations", staffToken, body, UUID.randomUUID().toString());
    }
}
