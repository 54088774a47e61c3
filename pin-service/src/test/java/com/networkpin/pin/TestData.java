package com.networkpin.pin;

import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.Callers.asContracting;
import static com.networkpin.pin.Callers.asShopStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.IdDocument;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.Topics;
import com.networkpin.events.VisitPurpose;
import com.networkpin.support.MovableClock;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.testinfra.TopicWriter;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the service tests share: fresh ids, REST calls (each by the role that may make it), event
 * counts in the database, Kafka in and out.
 */
public final class TestData {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestData() {
    }

    public static String newContractId() {
        return "C-" + UUID.randomUUID();
    }

    public static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    /** By the contracting system. */
    public static ValidatableResponse setPin(String contractId, String pin) {
        return asContracting().contentType("application/json").body(Map.of("pin", pin))
                .when().put("/contracts/{id}/pin", contractId).then();
    }

    /** By a channel gateway, for the ONLINE_PROCEDURE channel. */
    public static ValidatableResponse verify(String contractId, String pin) {
        return asChannel().contentType("application/json").body(Map.of("pin", pin, "channel", "ONLINE_PROCEDURE"))
                .when().post("/contracts/{id}/pin/verifications", contractId).then();
    }

    /**
     * A new contract whose PIN is set and locked by three wrong entries, each made with {@code clock}
     * at {@code at} (the clock keeps running, so a lock just before a midnight stays before it).
     */
    public static String lockedAt(MovableClock clock, Instant at) {
        String contract = newContractId();
        clock.moveTo(at);
        setPin(contract, "4827").statusCode(201);
        for (int i = 0; i < 3; i++) {
            clock.moveTo(at);
            verify(contract, "1357").statusCode(200);
        }
        return contract;
    }

    /** The MidnightUnlock of a Japanese date, as the lock-scheduler publishes it, on its topic. */
    public static EventEnvelope<MidnightUnlock> publishMidnight(LocalDate date) {
        Instant midnight = date.atStartOfDay(TOKYO).toInstant();
        EventEnvelope<MidnightUnlock> envelope = EventEnvelope.of(MidnightUnlock.eventIdFor(date), 1, midnight,
                new MidnightUnlock(date, midnight, 1, midnight));
        publish(Topics.MIDNIGHT_UNLOCKS, date.toString(), envelope);
        return envelope;
    }

    /** Waits until the pin-service has handled an event of a topic it consumes (its id is in the inbox). */
    public static void awaitConsumed(Pool pool, UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery("SELECT 1 FROM es_inbox WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(TIMEOUT).rowCount() > 0);
    }

    /** The reason and cause of each Unlocked of the contract, oldest first, e.g. {@code MIDNIGHT <uuid>}. */
    public static List<String> unlocks(Pool pool, String contractId) {
        List<String> unlocks = new ArrayList<>();
        pool.preparedQuery("""
                        SELECT data->>'reason', data->>'causeEventId' FROM es_event
                        WHERE stream_id = $1 AND event_type = 'Unlocked' ORDER BY version""")
                .execute(Tuple.of(contractId)).await().atMost(TIMEOUT)
                .forEach(row -> unlocks.add(row.getString(0) + " " + row.getString(1)));
        return unlocks;
    }

    /** By a terminal of {@code shopId}. */
    public static ValidatableResponse reset(String shopId, String contractId, String reservation, String newPin) {
        return asShopStaff(shopId).contentType("application/json")
                .body(Map.of("reservationNumber", reservation, "newPin", newPin))
                .when().post("/contracts/{id}/pin/reset", contractId).then();
    }

    /**
     * A shop's identity check as the reservation-service publishes it, with the contract as key so
     * that one test's messages stay in order on one partition.
     */
    public static EventEnvelope<IdentityVerified> identityVerified(String contractId, String reservation, String shopId,
                                                                   VisitPurpose purpose, Instant verifiedAt) {
        EventEnvelope<IdentityVerified> envelope = EventEnvelope.of(UUID.randomUUID(), 2, verifiedAt,
                new IdentityVerified(reservation, contractId, shopId, purpose, IdDocument.MY_NUMBER_CARD, "staff-3",
                        verifiedAt));
        publish(Topics.RESERVATION_EVENTS, contractId, envelope);
        return envelope;
    }

    /** Waits until the contract has exactly {@code grants} ResetGranted events (and no more arrive). */
    public static void awaitGrants(Pool pool, String contractId, int grants) {
        await().atMost(Duration.ofSeconds(30)).until(() -> countEvents(pool, contractId, "ResetGranted") >= grants);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> countEvents(pool, contractId, "ResetGranted") == grants);
    }

    /** Every row the service keeps for a contract, as text: equal before and after a call that wrote nothing. */
    public static String footprint(Pool pool, String contractId) {
        return pool.preparedQuery("""
                        SELECT (SELECT count(*) FROM es_event WHERE stream_id = $1)
                            || ' | ' || coalesce((SELECT string_agg(e.event_id::text, ',' ORDER BY e.version)
                                                  FROM es_event e WHERE e.stream_id = $1), '')
                            || ' | ' || coalesce((SELECT s::text FROM es_stream s WHERE s.stream_id = $1), '')
                            || ' | ' || coalesce((SELECT p::text FROM pin_state p WHERE p.contract_id = $1), '')
                            || ' | ' || coalesce((SELECT string_agg(g::text, ',' ORDER BY g.reservation_number)
                                                  FROM pin_reset_grant g WHERE g.contract_id = $1), '')
                            || ' | ' || coalesce((SELECT string_agg(i::text, ',' ORDER BY i.at)
                                                  FROM insider_audit i WHERE i.contract_id = $1), '')""")
                .execute(Tuple.of(contractId)).await().atMost(TIMEOUT).iterator().next().getString(0);
    }

    public static long countEvents(Pool pool, String contractId, String type) {
        return pool.preparedQuery("SELECT count(*) FROM es_event WHERE stream_id = $1 AND event_type = $2")
                .execute(Tuple.of(contractId, type)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    public static long countAllEvents(Pool pool) {
        return pool.query("SELECT count(*) FROM es_event").execute().await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    /** Any value, without headers, as any client could send it. */
    public static void publish(String topic, String key, String value) {
        TopicWriter.send(topic, key, value);
    }

    /** The envelope as its owning service's relay sends it (CloudEvents headers and all), on {@code topic}. */
    public static void publish(String topic, String key, EventEnvelope<? extends DomainEvent> envelope) {
        TopicWriter.send(topic, key, List.of(TopicWriter.asPublished(envelope)));
    }
}
