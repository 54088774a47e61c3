package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a stream of verifications after a fault, from the clients' answers outwards:
 * <ol>
 *   <li>the pin-service recorded exactly the events its accepted answers stand for (plus, for a
 *       request that went unanswered, at most what that one request could have recorded);</li>
 *   <li>every recorded event is on the PIN topic (lost = missing ids; duplicated = extra copies of an id), each
 *       contract's in the order of its stream (out of order = keys whose events the topic holds in another order);</li>
 *   <li>the scheduler's pending locks and the reservation-service's lock projection end as the
 *       pin-service's state says: locked until the same instant, or not locked.</li>
 * </ol>
 */
final class Reconciliation {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(90);

    private final PinApi pin;
    private final LockProjections projections = new LockProjections();
    private final FaultFigures figures;

    final List<String> historyMismatches = new ArrayList<>();
    final List<String> refusals = new ArrayList<>();
    Set<UUID> lost = Set.of();
    Set<UUID> unexpected = Set.of();
    List<String> inconsistent = List.of();
    final List<String> outOfOrder = new ArrayList<>();

    Reconciliation(PinApi pin, FaultFigures figures) {
        this.pin = pin;
        this.figures = figures;
    }

    Reconciliation check(List<ContractLog> contracts) {
        Map<String, List<PinApi.HistoryEntry>> histories =
                inParallel(contracts.stream().map(ContractLog::contractId).toList(), pin::history);
        int expectedEvents = 0;
        int recordedEvents = 0;
        int unacknowledged = 0;
        Set<UUID> recordedIds = new HashSet<>();
        for (ContractLog log : contracts) {
            List<String> expected = log.expectedTypes();
            List<PinApi.HistoryEntry> history = histories.get(log.contractId());
            List<String> recorded = history.stream().map(PinApi.HistoryEntry::type).toList();
            history.forEach(entry -> recordedIds.add(entry.eventId()));
            expectedEvents += expected.size();
            recordedEvents += recorded.size();
            unacknowledged += Math.max(0, recorded.size() - expected.size());
            boolean matches = log.isUnanswered()
                    ? recorded.size() >= expected.size() && recorded.subList(0, expected.size()).equals(expected)
                    && recorded.size() - expected.size() <= ContractLog.MOST_EVENTS_PER_REQUEST
                    : recorded.equals(expected);
            if (!matches) {
                historyMismatches.add(log.contractId() + ": answers say " + expected + ", history holds " + recorded);
            }
            log.refusals().forEach(refusal -> refusals.add(log.contractId() + ": " + refusal));
        }
        Set<String> keys = contracts.stream().map(ContractLog::contractId).collect(Collectors.toSet());
        TopicCount topic = TopicCount.await(Topics.PIN_EVENTS, record -> keys.contains(record.key()), recordedIds,
                TOPIC_TIMEOUT);
        histories.forEach((contractId, history) -> {
            if (!topic.inOrder(contractId, history.stream().map(PinApi.HistoryEntry::eventId).toList())) {
                outOfOrder.add(contractId);
            }
        });
        lost = topic.lost(recordedIds);
        unexpected = topic.unexpected(recordedIds);
        inconsistent = awaitConsistent(keys);
        figures.put("contracts", contracts.size())
                .put("accepted", contracts.stream().mapToInt(ContractLog::accepted).sum())
                .put("unanswered", contracts.stream().filter(ContractLog::isUnanswered).count())
                .put("expected", expectedEvents)
                .put("recorded", recordedEvents)
                .put("recordedUnacknowledged", unacknowledged)
                .put("seen", topic.distinct())
                .put("lost", lost.size())
                .put("duplicated", topic.duplicated())
                .put("outOfOrderKeys", outOfOrder.size())
                .put("unexpectedOnTopic", unexpected.size())
                .put("lockedContracts", lockedCount(keys))
                .put("inconsistentProjections", inconsistent.size());
        return this;
    }

    /**
     * Every request answered with success and recorded as answered, every recorded event on the topic once
     * at least and in stream order, nothing unrecorded there, and both projections in agreement (no double effect).
     */
    void assertNothingLostReorderedOrDoubled() {
        assertEquals(List.of(), refusals, "every request was answered with success");
        assertEquals(List.of(), historyMismatches, "recorded events = what the answers said");
        assertEquals(0, lost.size(), "recorded events missing from the PIN topic: " + lost);
        assertEquals(0, unexpected.size(), "events on the topic that were never recorded");
        assertEquals(List.of(), outOfOrder, "each contract's events on the topic in stream order");
        assertEquals(List.of(), inconsistent, "projections agree with the pin-service: no double effect");
    }

    private long lockedCount(Set<String> contractIds) {
        return inParallel(contractIds, pin::status).values().stream()
                .filter(status -> status.unlocksAt().isPresent()).count();
    }

    /** The contracts whose projections still disagree with the pin-service once the timeout passed. */
    private List<String> awaitConsistent(Set<String> contractIds) {
        long deadline = System.nanoTime() + PROJECTION_TIMEOUT.toNanos();
        Set<String> pending = new HashSet<>(contractIds);
        List<String> disagreements;
        while (true) {
            Map<String, PinApi.Status> states = inParallel(pending, pin::status);
            Map<String, Optional<Instant>> scheduler = inParallel(pending, projections::scheduler);
            Map<String, Optional<Instant>> reservation = projections.reservation(pending);
            disagreements = new ArrayList<>();
            for (String id : List.copyOf(pending)) {
                Optional<Instant> truth = states.get(id).unlocksAt();
                if (truth.equals(scheduler.get(id)) && truth.equals(reservation.get(id))) {
                    pending.remove(id);
                } else {
                    disagreements.add(id + ": pin-service " + truth + ", scheduler " + scheduler.get(id)
                            + ", reservation-service " + reservation.get(id));
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return disagreements;
            }
            sleep();
        }
    }

    /** One REST call per contract, a few at a time. */
    private static <V> Map<String, V> inParallel(Collection<String> contractIds, Function<String, V> call) {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Map<String, Future<V>> futures = new HashMap<>();
            for (String id : contractIds) {
                futures.put(id, pool.submit(() -> call.apply(id)));
            }
            Map<String, V> results = new HashMap<>();
            for (Map.Entry<String, Future<V>> entry : futures.entrySet()) {
                results.put(entry.getKey(), entry.getValue().get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("reading the services failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
