package com.networkpin.pin.service;

import com.networkpin.eventstore.store.EventStore.StreamAppend;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.NewEvent;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinSecrets;
import com.networkpin.pin.domain.Verification;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.PinStates;
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
 * does), reads their snapshots, decides each verification in arrival order — two of one contract one
 * after the other, the second on the state the first left — and writes every event, publication and
 * snapshot with one statement per table.
 */
@ApplicationScoped
public class VerificationBatch {

    private final EventStore eventStore;
    private final CurrentPins currentPins;
    private final PinStates states;
    private final PinSecrets secrets;
    private final PinPolicy policy;
    private final Clock clock;

    public VerificationBatch(EventStore eventStore, CurrentPins currentPins, PinStates states, PinSecrets secrets, PinPolicy policy,
                             Clock clock) {
        this.eventStore = eventStore;
        this.currentPins = currentPins;
        this.states = states;
        this.secrets = secrets;
        this.policy = policy;
        this.clock = clock;
    }

    /** In the caller's transaction; one outcome per verification, in the same order. */
    public Uni<List<VerificationOutcome>> decide(SqlClient tx, List<PendingVerification> batch) {
        TreeSet<String> contractIds = new TreeSet<>();
        batch.forEach(pending -> contractIds.add(pending.contractId()));
        return Uni.combine().all().unis(eventStore.lockAll(tx, contractIds), states.loadAll(tx, contractIds)).asTuple()
                .chain(locked -> current(tx, contractIds, locked.getItem1(), locked.getItem2()))
                .chain(pins -> record(tx, batch, pins));
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

    private Uni<List<VerificationOutcome>> record(SqlClient tx, List<PendingVerification> batch, Map<String, Pin> pins) {
        Instant now = clock.instant();
        Map<String, Pin> before = Map.copyOf(pins);
        Map<String, List<NewEvent>> events = new LinkedHashMap<>();
        List<VerificationOutcome> outcomes = new ArrayList<>(batch.size());
        for (PendingVerification pending : batch) {
            Pin pin = pins.get(pending.contractId());
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
                outcomes.add(VerificationOutcome.decided(verification.result(), changes));
            } catch (RuntimeException refused) {
                outcomes.add(VerificationOutcome.refused(refused)); // this verification only; it recorded nothing
            }
        }
        List<StreamAppend> appends = new ArrayList<>(events.size());
        List<Pin> changed = new ArrayList<>(events.size());
        events.forEach((contractId, appended) -> {
            appends.add(new StreamAppend(contractId, before.get(contractId).version(), appended));
            changed.add(pins.get(contractId));
        });
        // Pipelined: they commit or roll back together whatever their order.
        return Uni.combine().all().unis(eventStore.appendAll(tx, appends), states.saveAll(tx, changed))
                .discardItems()
                .replaceWith(outcomes);
    }
}
