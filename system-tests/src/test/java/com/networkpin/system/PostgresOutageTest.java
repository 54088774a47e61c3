package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.Http;
import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F6: PostgreSQL, the database of all three services, stops for 15 seconds in the middle of PIN
 * verifications (some of which lock PINs) and bookings, and starts again on the same address with
 * its data. No service is restarted: each reports not ready while its database is away and ready
 * again after; every answered request is recorded and published, and the lock projections of the
 * lock-scheduler and the reservation-service end as the pin-service says.
 */
@ExtendWith(RunningSystem.class)
class PostgresOutageTest {

    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration AFTER = Duration.ofSeconds(4);
    private static final Duration PROBE_EVERY = Duration.ofMillis(500);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(90);

    @Test
    @DisplayName("F6: PostgreSQL stopped for 15 s under traffic: every service recovers without a restart, "
            + "nothing is lost, the projections converge")
    void aFifteenSecondDatabaseOutageIsRiddenOutByEveryService() throws InterruptedException {
        PostgresServer postgres = Infrastructure.get().postgres();
        ServiceFleet fleet = RunningSystem.fleet();
        Map<StackService, Long> pids = pids(fleet);
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        PinTraffic traffic = new PinTraffic(pin, "F6", 3);
        BookingTraffic bookings = new BookingTraffic("F6");
        FaultFigures figures = new FaultFigures("F6 PostgreSQL stopped for " + OUTAGE.toSeconds() + " s");
        Map<StackService, List<String>> notReadyDuringOutage = new EnumMap<>(StackService.class);
        Map<StackService, Long> readyAgainMillis = new EnumMap<>(StackService.class);
        List<ContractLog> contracts;
        List<BookingTraffic.Booking> booked;
        int acceptedAtRecovery;
        int bookedAtRecovery;
        traffic.start();
        bookings.start();
        try {
            Thread.sleep(BEFORE.toMillis());
            postgres.stop();
            try {
                long stoppedAt = System.nanoTime();
                while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                    for (StackService service : StackService.backends()) {
                        if (!notReadyDuringOutage.containsKey(service)) {
                            downChecks(service).ifPresent(down -> notReadyDuringOutage.put(service, down));
                        }
                    }
                    Thread.sleep(PROBE_EVERY.toMillis());
                }
            } finally {
                postgres.start();
            }
            readyAgainMillis.putAll(awaitReadyAgain(fleet));
            acceptedAtRecovery = traffic.counts().accepted();
            bookedAtRecovery = bookings.booked();
            Thread.sleep(AFTER.toMillis());
        } finally {
            contracts = traffic.stop();
            booked = bookings.stop();
        }
        int acceptedAfterRecovery = traffic.counts().accepted() - acceptedAtRecovery;

        Reconciliation result = new Reconciliation(pin, figures).check(contracts);
        BookedOnTopic onTopic = BookedOnTopic.check(bookings.prefix(), booked, TOPIC_TIMEOUT);
        List<String> notUnavailable = result.refusals.stream()
                .filter(refusal -> !refusal.contains(" -> 503 ") || !refusal.contains("/problems/database-unavailable"))
                .toList();
        figures.put("refusedWith503", result.refusals.size() - notUnavailable.size())
                .put("acceptedAfterRecovery", acceptedAfterRecovery)
                .put("downChecks", notReadyDuringOutage)
                .put("readyAgainMs", readyAgainMillis)
                .put("bookings", booked.size())
                .put("bookingSendsFailed", bookings.failedSends())
                .put("bookingsExpected", onTopic.expected())
                .put("bookingsSeen", onTopic.seen())
                .put("bookingsLost", onTopic.lost())
                .put("bookingsDuplicated", onTopic.duplicated())
                .put("bookedTwice", onTopic.bookedTwice())
                .print();

        assertEquals(pids, pids(fleet), "no service was restarted");
        assertEquals(Set.copyOf(StackService.backends()), notReadyDuringOutage.keySet(),
                "every service reported not ready while its database was away");
        assertEquals(Set.copyOf(StackService.backends()), readyAgainMillis.keySet(),
                "every service was ready again within " + RECOVERY_TIMEOUT.toSeconds() + " s of the restart");
        assertTrue(acceptedAfterRecovery > 0 && booked.size() > bookedAtRecovery,
                "verifications and bookings were accepted after the outage");
        assertEquals(List.of(), notUnavailable, "requests failed only with 503 database-unavailable");
        assertEquals(List.of(), bookings.refusals(), "every booking was booked once answered");
        assertEquals(List.of(), result.historyMismatches, "recorded events = what the answers said");
        assertEquals(0, result.lost.size(), "recorded events missing from the PIN topic: " + result.lost);
        assertEquals(0, result.unexpected.size(), "events on the topic that were never recorded");
        assertEquals(List.of(), result.inconsistent, "projections agree with the pin-service");
        assertEquals(0, onTopic.lost(), "answered bookings missing from the reservation topic");
        assertEquals(0, onTopic.bookedTwice(), "a booking sent again with its key booked nothing more");
    }

    private static Map<StackService, Long> pids(ServiceFleet fleet) {
        Map<StackService, Long> pids = new EnumMap<>(StackService.class);
        for (StackService service : StackService.backends()) {
            if (fleet.process(service).isAlive()) {
                pids.put(service, fleet.process(service).pid());
            }
        }
        return pids;
    }

    /** The names of the readiness checks that are DOWN; empty while the service is ready. */
    private static Optional<List<String>> downChecks(StackService service) {
        Http.Reply reply = new Http().get(service.url() + "/q/health/ready");
        if (reply.status() == 200) {
            return Optional.empty();
        }
        List<String> down = new ArrayList<>();
        reply.body().path("checks").forEach(check -> {
            if (!"UP".equals(check.path("status").asText())) {
                down.add(check.path("name").asText());
            }
        });
        return Optional.of(down);
    }

    /** Each service's time from the database's restart to its readiness; a service not ready in time is left out. */
    private static Map<StackService, Long> awaitReadyAgain(ServiceFleet fleet) throws InterruptedException {
        long restartedAt = System.nanoTime();
        Map<StackService, Long> ready = new EnumMap<>(StackService.class);
        while (ready.size() < StackService.backends().size()
                && System.nanoTime() - restartedAt < RECOVERY_TIMEOUT.toNanos()) {
            for (StackService service : StackService.backends()) {
                if (!ready.containsKey(service) && fleet.process(service).isReady()) {
                    ready.put(service, Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
                }
            }
            Thread.sleep(100);
        }
        return ready;
    }
}
