package com.networkpin.eventstore.consume;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.LogSafe;
import com.networkpin.events.UnreadableEventException;
import com.networkpin.eventstore.config.EventStoreConfig;
import com.networkpin.eventstore.outbox.Outbox;
import com.networkpin.eventstore.outbox.OutboxMessage;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.eventstore.store.TransientFailures;
import com.networkpin.eventstore.trace.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The idempotent way to consume: one transaction per batch records the batch's new event ids in
 * the inbox, applies only those, and queues unreadable records and events of doubtful provenance
 * (see {@link Provenance}) for the dead-letter topic. A redelivered event therefore changes nothing,
 * and a bad message never stops the consumer.
 *
 * <p>Failures: a transient one (the database away or restarting, a pool time-out, a deadlock, a
 * serialization failure; see {@link TransientFailures}) is retried with back-off, bounded per
 * attempt and unbounded overall, until it succeeds or the application shuts down. The batch is
 * neither acknowledged nor skipped meanwhile, so the consumer keeps its place. Any other failure
 * makes the consumer apply the batch's events one per transaction; an event that still fails
 * after {@code network-pin.event-store.consumer.max-attempts} attempts is a poison event: it is
 * recorded in the inbox (never tried again) and forwarded to {@code <topic>.dead-letter} with the
 * reason, and the consumer goes on with the rest of the batch.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Transactions transactions;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TransientFailures failures;
    private final EventStoreConfig.Consumer config;
    private final ConsumerMetrics metrics;
    private final Tracing tracing;
    private volatile boolean stopping;

    public EventConsumer(Transactions transactions, Inbox inbox, Outbox outbox, TransientFailures failures,
                         EventStoreConfig config, ConsumerMetrics metrics, Tracing tracing) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.outbox = outbox;
        this.failures = failures;
        this.config = config.consumer();
        this.metrics = metrics;
        this.tracing = tracing;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public Uni<Void> consume(String consumer, List<IncomingRecord> records, Projection projection) {
        return consume(consumer, records, Preparation.NONE, projection);
    }

    /** As {@link #consume(String, List, Projection)}, with work done before the inbox transaction. */
    public Uni<Void> consume(String consumer, List<IncomingRecord> records, Preparation preparation,
                             Projection projection) {
        Batch batch = Batch.read(consumer, records, config.verifyProvenance());
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Span> spans = startSpans(consumer, records);
        return consumeBatch(consumer, records, batch, preparation, projection)
                .onTermination().invoke(() -> spans.forEach(Span::end));
    }

    /**
     * A consumer span per record that names its trace; the batch's first one is current, so what the
     * batch writes to the outbox (dead letters, the events it causes) continues that trace.
     */
    private List<Span> startSpans(String consumer, List<IncomingRecord> records) {
        List<Span> spans = new ArrayList<>();
        for (IncomingRecord record : records) {
            if (record.traceparent() != null) {
                Span span = tracing.start(consumer + " process " + record.topic(), SpanKind.CONSUMER,
                        record.traceparent());
                span.setAttribute(AttributeKey.stringKey("messaging.destination.name"), record.topic());
                span.setAttribute(AttributeKey.stringKey("messaging.consumer.group.name"), consumer);
                spans.add(span);
            }
        }
        Tracing.makeCurrent(spans.isEmpty() ? null : spans.get(0));
        return spans;
    }

    private Uni<Void> consumeBatch(String consumer, List<IncomingRecord> records, Batch batch, Preparation preparation,
                                   Projection projection) {
        List<EventEnvelope<DomainEvent>> events = List.copyOf(batch.events().values());
        return retrying(consumer, "a batch of " + records.size(), () -> preparation.prepare(events)
                .chain(() -> transactions.inTransaction(tx -> outbox.enqueue(tx, batch.deadLetters())
                        .chain(() -> inbox.claim(tx, consumer, batch.events().keySet()))
                        .chain(fresh -> applyFresh(tx, events, fresh, projection)))))
                .invoke(applied -> {
                    metrics.applied(consumer, applied);
                    metrics.deadLettered(consumer, batch.deadLetters().size());
                })
                .replaceWithVoid()
                .onFailure(EventConsumer::isNotStopped).recoverWithUni(failure -> {
                    LOG.warnf("%s: a batch of %d failed (%s), applying its events one by one", consumer,
                            records.size(), describe(failure));
                    return oneByOne(consumer, batch, preparation, projection);
                });
    }

    /** Applies the events the inbox had not seen; answers how many. */
    private static Uni<Integer> applyFresh(SqlConnection tx,
                                           List<EventEnvelope<DomainEvent>> events, Set<UUID> fresh,
                                           Projection projection) {
        List<EventEnvelope<DomainEvent>> unseen = events.stream().filter(e -> fresh.contains(e.id())).toList();
        return unseen.isEmpty() ? Uni.createFrom().item(0) : projection.apply(tx, unseen).replaceWith(unseen.size());
    }

    /** Isolates the poison events of a batch: the dead letters first, then each event in its own transaction. */
    private Uni<Void> oneByOne(String consumer, Batch batch, Preparation preparation, Projection projection) {
        Uni<Void> done = batch.deadLetters().isEmpty() ? Uni.createFrom().voidItem()
                : retrying(consumer, "dead letters", () -> transactions.inTransaction(
                        tx -> outbox.enqueue(tx, batch.deadLetters())))
                        .invoke(() -> metrics.deadLettered(consumer, batch.deadLetters().size()));
        for (EventEnvelope<DomainEvent> event : batch.events().values()) {
            done = done.chain(() -> applyAlone(consumer, event, batch.records().get(event.id()), preparation,
                    projection, 1));
        }
        return done;
    }

    private Uni<Void> applyAlone(String consumer, EventEnvelope<DomainEvent> event, IncomingRecord record,
                                 Preparation preparation, Projection projection, int attempt) {
        List<EventEnvelope<DomainEvent>> alone = List.of(event);
        return retrying(consumer, describe(event), () -> preparation.prepare(alone)
                .chain(() -> transactions.inTransaction(tx -> inbox.claim(tx, consumer, Set.of(event.id()))
                        .chain(fresh -> applyFresh(tx, alone, fresh, projection)))))
                .invoke(applied -> metrics.applied(consumer, applied))
                .replaceWithVoid()
                .onFailure(EventConsumer::isNotStopped).recoverWithUni(failure -> {
                    if (attempt < config.maxAttempts()) {
                        LOG.warnf("%s: %s failed (attempt %d of %d): %s", consumer, describe(event), attempt,
                                config.maxAttempts(), describe(failure));
                        return Uni.createFrom().voidItem().onItem().delayIt().by(backOff(attempt))
                                .chain(() -> applyAlone(consumer, event, record, preparation, projection, attempt + 1));
                    }
                    return deadLetter(consumer, event, record, failure, attempt);
                });
    }

    /** Records the poison event in the inbox and forwards it as it came, with the reason, in one transaction. */
    private Uni<Void> deadLetter(String consumer, EventEnvelope<DomainEvent> event, IncomingRecord record,
                                 Throwable failure, int attempts) {
        String reason = "not applied after " + attempts + " attempts: " + describe(failure);
        LOG.errorf(LogSafe.throwable(failure), "%s: dead-lettering %s from %s-%d@%d, %s", consumer, describe(event),
                record.topic(), record.partition(), record.offset(), reason);
        return retrying(consumer, "dead-lettering " + describe(event), () -> transactions.inTransaction(
                tx -> inbox.claim(tx, consumer, Set.of(event.id())).chain(fresh -> fresh.isEmpty()
                        ? Uni.createFrom().item(0)
                        : outbox.enqueue(tx, List.of(record.deadLetter(reason))).replaceWith(1))))
                .invoke(deadLettered -> metrics.deadLettered(consumer, deadLettered))
                .replaceWithVoid();
    }

    /**
     * Runs {@code work} until it succeeds or fails with a failure that is not transient; waits
     * between attempts, longer each time up to the configured bound. Stops with
     * {@link ConsumerStopped} once the application shuts down.
     */
    public <T> Uni<T> retrying(String consumer, String what, Supplier<Uni<T>> work) {
        return retrying(consumer, what, work, 1);
    }

    private <T> Uni<T> retrying(String consumer, String what, Supplier<Uni<T>> work, int attempt) {
        return Uni.createFrom().deferred(work::get).onFailure().recoverWithUni(failure -> failures.isTransient(failure)
                .chain(transientFailure -> {
                    if (!transientFailure) {
                        return Uni.createFrom().failure(failure);
                    }
                    if (stopping) {
                        return Uni.createFrom().failure(new ConsumerStopped(consumer, failure));
                    }
                    Duration wait = backOff(attempt);
                    metrics.retried(consumer);
                    LOG.warnf("%s: %s failed transiently (attempt %d), retrying in %d ms: %s", consumer, what, attempt,
                            wait.toMillis(), describe(failure));
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                            .chain(() -> retrying(consumer, what, work, attempt + 1));
                }));
    }

    /** initial × 2^(attempt − 1), at most the configured bound. */
    private Duration backOff(int attempt) {
        Duration wait = config.initialBackOff();
        for (int i = 1; i < attempt && wait.compareTo(config.maxBackOff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackOff()) < 0 ? wait : config.maxBackOff();
    }

    private static boolean isNotStopped(Throwable failure) {
        return !(failure instanceof ConsumerStopped);
    }

    private static String describe(EventEnvelope<DomainEvent> event) {
        return event.type() + " " + event.id();
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getName() + ": " + LogSafe.message(failure);
    }

    /** The readable events of a batch by id (in order, in-batch repeats dropped), their records, and the dead letters. */
    private record Batch(Map<UUID, EventEnvelope<DomainEvent>> events, Map<UUID, IncomingRecord> records,
                         List<OutboxMessage> deadLetters) {

        static Batch read(String consumer, List<IncomingRecord> records, boolean verifyProvenance) {
            Batch batch = new Batch(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
            for (IncomingRecord record : records) {
                try {
                    EventEnvelope<DomainEvent> envelope = EventJson.read(record.value() == null ? "" : record.value());
                    Optional<String> forged = verifyProvenance ? Provenance.problem(envelope, record) : Optional.empty();
                    if (forged.isPresent()) {
                        batch.deadLetter(consumer, record, forged.get());
                        continue;
                    }
                    batch.events().putIfAbsent(envelope.id(), envelope);
                    batch.records().putIfAbsent(envelope.id(), record);
                } catch (UnreadableEventException e) {
                    batch.deadLetter(consumer, record, e.getMessage());
                }
            }
            return batch;
        }

        void deadLetter(String consumer, IncomingRecord record, String reason) {
            LOG.warnf("%s: dead-lettering %s-%d@%d: %s", consumer, record.topic(), record.partition(),
                    record.offset(), LogSafe.of(reason, LogSafe.MAX_MESSAGE_LENGTH));
            deadLetters.add(record.deadLetter(reason));
        }

        boolean isEmpty() {
            return events.isEmpty() && deadLetters.isEmpty();
        }
    }
}
