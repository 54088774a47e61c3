package com.networkpin.reservation.messaging;

import static com.networkpin.reservation.Callers.asCustomer;
import static com.networkpin.reservation.Callers.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.AttemptFailed;
import com.networkpin.events.Channel;
import com.networkpin.events.IdDocument;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Topics;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.reservation.Api;
import com.networkpin.reservation.PinTopic;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.reservation.store.PinLockStore;
import com.networkpin.reservation.store.PinLockStore.Recorded;
import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import com.networkpin.testinfra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class PinEventsConsumerTest {

    @Inject
    MovableClock clock;
    @Inject
    Pool pool;
    @Inject
    PinLockStore pinLocks;

    @Test
    void aPinResetUnderACheckedInReservationCompletesTheVisit() {
        String contract = Api.freshContract();
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.booked(contract, shop, Api.at(date, "10:00"), "PIN_RESET");
        clock.moveTo(Api.instant(date, "09:55")); // check-in is on the visit's date
        Api.checkIn(asStaff(shop), number, "PHYSICAL_DISABILITY_CERTIFICATE", true).statusCode(200);

        PinTopic.publish(new PinReset(contract, number, "staff-1", "session-1", IdDocument.MY_NUMBER_CARD, clock.instant()), clock.instant());

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.get(asCustomer(contract), number).statusCode(200).body("status", equalTo("COMPLETED")));
        assertEquals(1, TopicReader.read(Topics.RESERVATION_EVENTS,
                r -> number.equals(r.key()) && r.value().contains("\"VisitCompleted\""), 1,
                Duration.ofSeconds(30)).size());
    }

    @Test
    void aPinResetOfAnotherContractOrBeforeCheckInCompletesNothing() {
        String contract = Api.freshContract();
        String shop = Api.freshShop(2);
        LocalDate date = Api.japanDate(clock, 1);
        String notCheckedIn = Api.booked(asStaff(shop), contract, shop, Api.at(date, "10:00"), "PIN_RESET");
        String other = Api.booked(asStaff(shop), Api.freshContract(), shop, Api.at(date, "10:00"), "PIN_CHANGE");
        clock.moveTo(Api.instant(date, "09:55"));
        Api.checkIn(asStaff(shop), other, "MY_NUMBER_CARD", true).statusCode(200);

        PinTopic.publish(new PinReset(contract, notCheckedIn, "staff-1", "session-1", IdDocument.MY_NUMBER_CARD, clock.instant()), clock.instant());
        PinTopic.publish(new PinReset(contract, other, "staff-1", "session-1", IdDocument.MY_NUMBER_CARD, clock.instant()), clock.instant()); // not its reservation
        // a later event of the same contract (same key, same partition) is applied after both resets
        PinTopic.publish(new Locked(contract, clock.instant(), clock.instant().plusSeconds(3600)), clock.instant());
        awaitLockRecorded(contract);

        Api.get(asStaff(shop), notCheckedIn).body("status", equalTo("BOOKED"));
        Api.get(asStaff(shop), other).body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void aBookingWhileThePinIsLockedSaysTheLockLiftsAtMidnight() {
        String contract = Api.freshContract();
        Instant now = clock.instant();
        Instant midnight = Slots.local(now).toLocalDate().plusDays(1).atStartOfDay(Slots.JAPAN).toInstant();
        PinTopic.publish(new Locked(contract, now, midnight), now);
        awaitLockRecorded(contract);

        LocalDate date = Api.japanDate(clock, 1);
        String number = Api.book(UUID.randomUUID().toString(), contract, Api.freshShop(2), Api.at(date, "10:00"),
                        "PIN_RESET")
                .statusCode(201)
                .body("lockAdvice", containsString("locked until 00:00 JST on " + date))
                .body("lockAdvice", containsString("no visit is needed"))
                .extract().path("reservationNumber");

        PinTopic.publish(new Unlocked(contract, UnlockReason.MIDNIGHT, UUID.randomUUID(), midnight), midnight);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Api.get(asCustomer(contract), number).statusCode(200)
                        .body("lockAdvice", nullValue()));
    }

    @Test
    void givenEventsOfInstancesWithSkewedClocks_thenTheStreamSequenceDecidesTheLockState() {
        Instant now = clock.instant();
        Instant midnight = Slots.local(now).toLocalDate().plusDays(1).atStartOfDay(Slots.JAPAN).toInstant();
        // The unlock was appended by an instance whose clock is 10 minutes behind the one that locked.
        String unlockedBySkewedInstance = Api.freshContract();
        PinTopic.publish(new Locked(unlockedBySkewedInstance, now, midnight), 4, now);
        PinTopic.publish(new Unlocked(unlockedBySkewedInstance, UnlockReason.RESET, UUID.randomUUID(),
                now.minusSeconds(600)), 6, now.minusSeconds(600));
        // The lock was appended by an instance whose clock is 10 minutes ahead of the one that unlocked it before.
        String lockedBySkewedInstance = Api.freshContract();
        PinTopic.publish(new Unlocked(lockedBySkewedInstance, UnlockReason.MIDNIGHT, UUID.randomUUID(),
                now.plusSeconds(600)), 7, now.plusSeconds(600));
        PinTopic.publish(new Locked(lockedBySkewedInstance, now, midnight), 11, now);
        // A Locked delivered again after the Unlocked that followed it in its stream.
        String redelivered = Api.freshContract();
        PinTopic.publish(new Unlocked(redelivered, UnlockReason.MIDNIGHT, UUID.randomUUID(), now), 9, now);
        PinTopic.publish(new Locked(redelivered, now.minusSeconds(60), midnight), 8, now.minusSeconds(60));
        String marker = Api.freshContract();
        PinTopic.publish(new Locked(marker, now, midnight), now); // same topic, applied after the others' batches
        awaitLockRecorded(marker);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sequenceOf(redelivered) == 9
                && sequenceOf(unlockedBySkewedInstance) == 6 && sequenceOf(lockedBySkewedInstance) == 11);

        assertEquals(null, lockedUntil(unlockedBySkewedInstance), "the later unlock stands despite its earlier time");
        assertEquals(midnight, lockedUntil(lockedBySkewedInstance), "the later lock stands despite its earlier time");
        assertEquals(null, lockedUntil(redelivered), "an earlier lock delivered late changes nothing");
    }

    @Test
    void givenABatchWithSeveralStatesOfOneContractInAnyOrder_thenOneStatementLeavesEachStreamsNewest() {
        Instant now = clock.instant();
        Instant midnight = Slots.local(now).toLocalDate().plusDays(1).atStartOfDay(Slots.JAPAN).toInstant();
        String recordedBefore = Api.freshContract();
        String severalInBatch = Api.freshContract();
        String once = Api.freshContract();
        record(List.of(new Recorded(recordedBefore, midnight, 5, now)));

        record(List.of(
                new Recorded(recordedBefore, null, 4, now), // older than the recorded lock
                new Recorded(severalInBatch, midnight, 3, now),
                new Recorded(severalInBatch, null, 7, now.minusSeconds(600)), // newest, despite its time
                new Recorded(severalInBatch, midnight, 5, now),
                new Recorded(once, midnight, 2, now)));

        assertEquals(midnight, lockedUntil(recordedBefore));
        assertEquals(5, sequenceOf(recordedBefore));
        assertEquals(null, lockedUntil(severalInBatch));
        assertEquals(7, sequenceOf(severalInBatch));
        assertEquals(midnight, lockedUntil(once));
        assertEquals(2, sequenceOf(once));
    }

    private void record(List<Recorded> states) {
        pool.withTransaction(tx -> pinLocks.recordAll(tx, states)).await().atMost(Duration.ofSeconds(30));
    }

    private Instant lockedUntil(String contract) {
        var until = pool.preparedQuery("SELECT locked_until FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().indefinitely().iterator().next().getOffsetDateTime(0);
        return until == null ? null : until.toInstant();
    }

    private long sequenceOf(String contract) {
        var rows = pool.preparedQuery("SELECT sequence FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().indefinitely();
        return rows.rowCount() == 0 ? 0 : rows.iterator().next().getLong(0);
    }

    @Test
    void eventsThatChangeNoLockNeverReachTheInbox() {
        String contract = Api.freshContract();
        Instant now = clock.instant();
        UUID attempt = PinTopic.publish(new AttemptFailed(contract, Channel.MY_DOCOMO, 1, 2, now), now);
        UUID locked = PinTopic.publish(new Locked(contract, now, now.plusSeconds(3600)), now);

        awaitLockRecorded(contract); // the Locked behind the attempt on the contract's partition

        assertEquals(Set.of(locked), pool.preparedQuery("SELECT event_id FROM es_inbox WHERE event_id = ANY($1)")
                .execute(Tuple.of(new UUID[] {attempt, locked})).await().atMost(Duration.ofSeconds(5)).stream()
                .map(row -> row.getUUID(0)).collect(Collectors.toSet()));
    }

    private void awaitLockRecorded(String contract) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM contract_pin_lock WHERE contract_id = $1")
                .execute(Tuple.of(contract)).await().indefinitely().iterator().next().getLong(0) == 1);
    }
}
