package com.networkpin.pin.service;

import com.networkpin.eventstore.idempotency.IdempotencyStore;
import com.networkpin.eventstore.idempotency.IdempotentRequest.ScopedKey;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.eventstore.idempotency.NewAnswer;
import com.networkpin.eventstore.idempotency.StoredAnswer;
import com.networkpin.eventstore.store.EventStore.StreamAppend;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.domain.PinSecrets;
import com.networkpin.pin.domain.Verification;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.PinStates;
import com.networkpin.support.idempotency.IdempotencyHeader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One transaction for many verifications: locks their streams (in contract order, as every writer
 * does), reads their snapshots and the answers kept for their Idempotency-Keys, decides each
 * verification in arrival order — two of one contract one after the other, the second on the state the
 * first left; a key already answered (before, or earlier in this batch) gets that answer and decides
 * nothing — and writes every event, publication, snapshot and new answer with one statement per table.
 */
@ApplicationScoped
public class VerificationBatch {

    private final EventStore eventStore;
    private final CurrentPins currentPins;
    private final PinStates states;
    private final IdempotencyStore idempotency;
    private final PinAnswers answers;
    private final PinSecrets secrets;
    private final PinPolicy policy;
    private final Clock clock;

    public VerificationBatch(EventStore eventStore, CurrentPins currentPins, PinStates states,
                             IdempotencyStore idempotency, PinAnswers answers, PinSecrets secrets, PinPolicy policy,
                             Clock clock) {
        this.eventStore = eventStore;
        this.currentPins = currentPins;
        this.states = states;
        this.idempotency = idempotency;
        this.answers = answers;
        this.secrets = secrets;
        this.policy = policy;
        this.clock = clock;
    }

    /** In the caller's transaction; one outcome per verification, in the same order. */
    public Uni<List<VerificationOutcome>> decide(SqlClient tx, List<PendingVerification> batch) {
        TreeSet<String> contractIds = new TreeSet<>();
        List<ScopedKey> keys = new ArrayList<>();
        batch.forEach(pending -> {
            contractIds.add(pending.contractId());
            if (pending.idempotency() != null) {
                keys.add(pending.idempotency().key());
            }
        });
        // Pipelined: the server reads the kept answers only once it holds the locks, so a retry whose
        // first request was in flight on another replica waited for it and sees its answer.
        return Uni.combine().all().unis(eventStore.lockAll(tx, contractIds), states.loadAll(tx, contractIds),
                        idempotency.findAll(tx, keys)).asTuple()
                .chain(locked -> current(tx, contractIds, locked.getItem1(), locked.getItem2())
                        .chain(pins -> record(tx, batch, pins, new HashMap<>(locked.getItem3()))));
    }

    /** Each contract's PIN at its stream's version. */
    private Uni<Map<String, Pin>> current(SqlClient tx, TreeSet<String> contractIds, Map<String, Long> versions,
                                          Map<String, Pin> snapshots) {
        Map<String, Pin> pins = new HashMap<>();
        List<Uni<Pin>> current = new ArrayList<>(contractIds.size());
        for (String contractId : contractIds) {
            current.add(currentPins.at(tx, contractId, versions.getOrDefault(contractId, 0L),
                    Optional.ofNullable(snapshots.get(contractId))).invoke(pin -> pins.put(contractId, pin)));
        }
        return Uni.join().all(current).andFailFast().replaceWith(() -> pins);
    }

    private Uni<List<VerificationOutcome>> record(SqlClient tx, List<PendingVerification> batch, Map<String, Pin> pins,
                                                  Map<ScopedKey, StoredAnswer> kept) {
        Instant now = clock.instant();
        Map<String, Pin> before = Map.copyOf(pins);
        Map<String, List<NewEvent>> events = new LinkedHashMap<>();
        List<NewAnswer> newAnswers = new ArrayList<>();
        List<VerificationOutcome> outcomes = new ArrayList<>(batch.size());
        for (PendingVerification pending : batch) {
            IdempotentRequest request = pending.idempotency();
            StoredAnswer earlier = request == null ? null : kept.get(request.key());
            if (earlier != null) {
                outcomes.add(request.sameRequestAs(earlier) ? VerificationOutcome.answered(Answer.replayOf(earlier))
                        : VerificationOutcome.refused(IdempotencyHeader.reused()));
                continue;
            }
            VerificationOutcome outcome = decide(pending, pins, events, now);
            if (request != null && outcome.answer() != null) {
                NewAnswer answer = new NewAnswer(request, outcome.answer().status(), outcome.answer().body());
                newAnswers.add(answer);
                kept.put(request.key(), answer.stored()); // a second request with this key in this batch gets it
            }
            outcomes.add(outcome);
        }
        List<StreamAppend> appends = new ArrayList<>(events.size());
        List<Pin> changed = new ArrayList<>(events.size());
        events.forEach((contractId, appended) -> {
            appends.add(new StreamAppend(contractId, before.get(contractId).version(), appended));
            changed.add(pins.get(contractId));
        });
        // Pipelined: they commit or roll back together whatever their order.
        return Uni.combine().all().unis(eventStore.appendAll(tx, appends), states.saveAll(tx, changed),
                        idempotency.keepAll(tx, newAnswers, now))
                .discardItems()
                .replaceWith(outcomes);
    }

    /** One verification on the state its contract is in, in {@code pins}, which it updates. */
    private VerificationOutcome decide(PendingVerification pending, Map<String, Pin> pins,
                                       Map<String, List<NewEvent>> events, Instant now) {
        Pin pin = pins.get(pending.contractId());
        boolean keyed = pending.idempotency() != null;
        try {
            // As a command alone: a lock that is over at now is recorded as lifted first.
            List<PinChange> changes = new ArrayList<>(pin.liftIfDue(policy, now));
            Pin lifted = pin.applyAll(changes, policy);
            Verification verification = lifted.verify(pending.attempt(), pending.channel(), secrets, policy, now);
            changes.addAll(verification.changes());
            PinEventCodec.toNewEvents(changes, pin.version(), now).forEach(event -> events
                    .computeIfAbsent(pending.contractId(), id -> new ArrayList<>())
                    .add(event.tracedBy(pending.traceparent())));
            pins.put(pending.contractId(), lifted.applyAll(verification.changes(), policy));
            return VerificationOutcome.decided(verification.result(), changes,
                    keyed ? answers.verification(verification.result()) : null);
        } catch (PinRefused refused) {
            // This verification only; it recorded nothing. A final refusal is its key's answer.
            return keyed && !refused.retryable() ? VerificationOutcome.answered(answers.refused(refused))
                    : VerificationOutcome.refused(refused);
        } catch (RuntimeException refused) {
            return VerificationOutcome.refused(refused);
        }
    }
}
