package com.networkpin.pin;

import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.TestData.awaitGrants;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.verify;
import static com.networkpin.testinfra.TopicReader.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.EventEnvelope;
import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.Topics;
import com.networkpin.events.VisitPurpose;
import com.networkpin.eventstore.trace.Tracing;
import com.networkpin.testinfra.TopicReader;
import com.networkpin.testinfra.TopicWriter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace from a REST call to what it causes on Kafka, and from a consumed event to what its
 * consumer causes: the caller's traceparent → the server span → the outbox row → the Kafka header;
 * a Kafka header → the consumer span → the events it writes.
 */
@QuarkusTest
class TraceContinuityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    RecordedSpans recorded;
    @Inject
    Pool pool;

    @Test
    void aVerificationThatLocksAPinCarriesTheCallersTraceToItsEventsOnKafka() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        verify(contract, "1357").statusCode(200);
        verify(contract, "1357").statusCode(200);
        String trace = randomHex(32);
        String callerSpan = randomHex(16);

        asChannel().header(Tracing.TRACEPARENT, "00-" + trace + "-" + callerSpan + "-01")
                .contentType("application/json").body(Map.of("pin", "1357", "channel", "ONLINE_PROCEDURE"))
                .post("/contracts/{id}/pin/verifications", contract).then().statusCode(200);

        SpanData server = await().atMost(TIMEOUT).until(() -> spans(trace, SpanKind.SERVER), s -> s.size() == 1).get(0);
        assertEquals("POST PinResource.verify", server.getName());
        assertEquals(callerSpan, server.getParentSpanId());
        List<ConsumerRecord<String, String>> events = TopicReader.read(Topics.PIN_EVENTS,
                record -> contract.equals(record.key()) && record.value().contains("\"Locked\""), 1, TIMEOUT);
        assertEquals(1, events.size());
        assertEquals("00-" + trace + "-" + server.getSpanId() + "-01", header(events.get(0), Tracing.TRACEPARENT),
                "the Locked event names the verification's span as its parent");
    }

    @Test
    void aConsumedIdentityCheckContinuesItsTraceIntoTheResetGrant() {
        String contract = newContractId();
        setPin(contract, "4827").statusCode(201);
        String trace = randomHex(32);
        String producerSpan = randomHex(16);
        Instant now = Instant.now();
        EventEnvelope<IdentityVerified> verified = EventEnvelope.of(UUID.randomUUID(), 2, now, new IdentityVerified(
                "R-" + UUID.randomUUID(), contract, "tokyo-shinjuku-west", VisitPurpose.PIN_RESET,
                IdDocument.MY_NUMBER_CARD, "staff-3", now));
        Map<String, String> headers = new HashMap<>(TopicWriter.asPublished(verified).headers());
        headers.put(Tracing.TRACEPARENT, "00-" + trace + "-" + producerSpan + "-01");

        TopicWriter.send(Topics.RESERVATION_EVENTS, contract,
                List.of(new TopicWriter.Message(TopicWriter.asPublished(verified).value(), headers)));

        awaitGrants(pool, contract, 1);
        SpanData consumer = await().atMost(TIMEOUT).until(() -> spans(trace, SpanKind.CONSUMER), s -> s.size() == 1).get(0);
        assertEquals(producerSpan, consumer.getParentSpanId());
        List<ConsumerRecord<String, String>> grants = TopicReader.read(Topics.PIN_EVENTS,
                record -> contract.equals(record.key()) && record.value().contains("\"ResetGranted\""), 1, TIMEOUT);
        assertEquals(1, grants.size());
        assertEquals("00-" + trace + "-" + consumer.getSpanId() + "-01", header(grants.get(0), Tracing.TRACEPARENT));
    }

    private List<SpanData> spans(String trace, SpanKind kind) {
        return recorded.spans().getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(trace) && span.getKind() == kind).toList();
    }

    private static String randomHex(int length) {
        return UUID.randomUUID().toString().replace("-", "").concat(UUID.randomUUID().toString().replace("-", ""))
                .substring(0, length);
    }
}
