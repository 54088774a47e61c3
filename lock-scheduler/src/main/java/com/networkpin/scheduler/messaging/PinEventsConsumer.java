package com.networkpin.scheduler.messaging;

import com.networkpin.eventstore.EventConsumer;
import com.networkpin.eventstore.IncomingRecord;
import com.networkpin.events.CloudEventHeaders;
import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventType;
import com.networkpin.events.Locked;
import com.networkpin.events.PinReset;
import com.networkpin.events.Unlocked;
import com.networkpin.scheduler.domain.LockChanges;
import com.networkpin.scheduler.store.MidnightStore;
import com.networkpin.scheduler.store.PendingLockStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects the PIN topic into pending locks and midnight unlock counts: one transaction, a few
 * batched statements and one inbox write per Kafka batch, so a midnight's burst of
 * {@code Unlocked} events is absorbed in batches rather than row by row.
 */
@ApplicationScoped
public class PinEventsConsumer {

    static final String CONSUMER = "lock-scheduler";

    private static final String CE_TYPE_PREFIX = "network-pin."; // as CloudEventHeaders writes ce_type

    /** The CloudEvents types this projection applies; records without the header are parsed (or dead-lettered). */
    private static final Set<String> APPLIED_TYPES = Set.copyOf(Stream.of(Locked.class, Unlocked.class, PinReset.class)
            .map(type -> CE_TYPE_PREFIX + EventType.of(type).typeName())
            .toList());

    private final EventConsumer consumer;
    private final PendingLockStore locks;
    private final MidnightStore midnights;

    public PinEventsConsumer(EventConsumer consumer, PendingLockStore locks, MidnightStore midnights) {
        this.consumer = consumer;
        this.locks = locks;
        this.midnights = midnights;
    }

    @Incoming(Channels.PIN_EVENTS)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<IncomingRecord> relevant = relevant(records);
        // EventConsumer retries a database outage until it passes (the inbox makes that safe).
        return consumer.consume(CONSUMER, relevant, this::project);
    }

    private Uni<Void> project(SqlConnection tx, List<EventEnvelope<DomainEvent>> events) {
        LockChanges changes = LockChanges.fromEnvelopes(events);
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return locks.apply(tx, changes).chain(() -> midnights.countUnlocks(tx, changes.midnightUnlocks()));
    }

    /** Skips the PIN events that never change a lock (attempts, disclosures…), sparing the inbox their ids. */
    private static List<IncomingRecord> relevant(ConsumerRecords<String, String> records) {
        List<IncomingRecord> relevant = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (type == null || APPLIED_TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
                relevant.add(IncomingRecord.of(record));
            }
        }
        return relevant;
    }
}
