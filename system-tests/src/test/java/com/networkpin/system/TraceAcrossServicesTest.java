package com.networkpin.system;

import static com.networkpin.system.PinApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.system.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace across three processes, as a collector receives it: the packaged services export their
 * spans over OTLP/HTTP to a receiver of this test, and the REST verification that locks a PIN is one
 * trace from the pin-service's server span to the lock-scheduler's and the reservation-service's
 * consumer spans (through the outbox row and the Kafka header). Only this test's fleet exports: the
 * services are restarted with the exporter's settings before it and without them after it.
 */
@ExtendWith(RunningSystem.class)
class TraceAcrossServicesTest {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SPANS_TIMEOUT = Duration.ofSeconds(60);
    private static final Comparator<ReceivedSpan> PIN_SERVICE_FIRST = Comparator.comparing(
            (ReceivedSpan span) -> !span.service().equals(StackService.PIN_SERVICE.moduleName()))
            .thenComparing(ReceivedSpan::service).thenComparing(ReceivedSpan::name);
    private static OtlpReceiver receiver;

    @BeforeAll
    static void exportEverySpanToTheReceiver() {
        receiver = OtlpReceiver.start();
        // A batch every 100 ms instead of every 5 s: the test waits for spans, not for the batch timer.
        RunningSystem.fleet().restartAll(READY_TIMEOUT, service -> Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_BSP_SCHEDULE_DELAY", "100"));
    }

    @AfterAll
    static void putTheFleetBackWithoutExport() {
        try {
            RunningSystem.fleet().restartAll(READY_TIMEOUT, service -> Map.of());
        } finally {
            receiver.close();
        }
    }

    @Test
    void theVerificationThatLocksAPinIsOneTraceThroughTheSchedulerAndTheReservationService() {
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        String contract = "TRACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        expect(pin.setPin(contract), 201);
        expect(pin.verify(contract, PinApi.WRONG_PIN), 200);
        expect(pin.verify(contract, PinApi.WRONG_PIN), 200);
        // The channel gateway's own trace, as its traceparent names it: the services continue it.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = traceId.substring(0, 16);
        Http.Reply locking = RunningSystem.as(RunningSystem.actors().channel()).post(
                StackService.PIN_SERVICE.url() + "/contracts/" + contract + "/pin/verifications",
                Map.of("pin", PinApi.WRONG_PIN, "channel", "MY_DOCOMO"),
                Map.of("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01"));
        assertEquals("LOCKED", expect(locking, 200).text("outcome"), locking.rawBody());

        List<ReceivedSpan> trace = awaitSpans(traceId);
        print(traceId, contract, trace);
        assertEquals(List.of(), receiver.failures(), "requests the receiver could not read");

        ReceivedSpan server = only(trace, "pin-service", "SERVER");
        assertEquals("POST PinResource.verify", server.name());
        assertEquals(gatewaySpan, server.parentSpanId(), "the server span continues the caller's traceparent");
        for (String consumer : List.of("lock-scheduler", "reservation-service")) {
            ReceivedSpan span = only(trace, consumer, "CONSUMER");
            assertTrue(span.name().endsWith("process pin-events"), span.name());
            assertEquals(server.spanId(), span.parentSpanId(),
                    consumer + "'s consumer span is a child of the verification's server span");
        }
    }

    /** Waits until the pin-service's server span and both consumers' spans of the trace have arrived. */
    private static List<ReceivedSpan> awaitSpans(String traceId) {
        long deadline = System.nanoTime() + SPANS_TIMEOUT.toNanos();
        while (true) {
            List<ReceivedSpan> trace = receiver.spansOf(traceId);
            boolean complete = find(trace, "pin-service", "SERVER").isPresent()
                    && find(trace, "lock-scheduler", "CONSUMER").isPresent()
                    && find(trace, "reservation-service", "CONSUMER").isPresent();
            if (complete || System.nanoTime() > deadline) {
                return trace.stream().sorted(PIN_SERVICE_FIRST).toList();
            }
            sleep();
        }
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, String kind) {
        List<ReceivedSpan> matching = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind().equals(kind)).toList();
        assertEquals(1, matching.size(), "one " + kind + " span of " + service + " in " + trace);
        return matching.get(0);
    }

    private static Optional<ReceivedSpan> find(List<ReceivedSpan> trace, String service, String kind) {
        return trace.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind)).findFirst();
    }

    /** The test's output: the trace as a collector's UI would list it. */
    private static void print(String traceId, String contract, List<ReceivedSpan> trace) {
        System.out.printf("Trace %s of the verification that locked %s (%d spans received over OTLP/HTTP):%n",
                traceId, contract, trace.size());
        System.out.printf("  %-20s %-9s %-50s %-32s %-16s %s%n", "service", "kind", "span", "trace id", "span id",
                "parent");
        for (ReceivedSpan span : trace) {
            System.out.printf("  %-20s %-9s %-50s %-32s %-16s %s%n", span.service(), span.kind(), span.name(),
                    span.traceId(), span.spanId(), span.parentSpanId());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for spans", e);
        }
    }
}
