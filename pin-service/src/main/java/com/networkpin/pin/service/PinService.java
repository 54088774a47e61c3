package com.networkpin.pin.service;

import com.networkpin.events.Channel;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.LogSafe;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.eventstore.trace.Tracing;
import com.networkpin.pin.config.PinConfig;
import com.networkpin.pin.domain.Disclosure;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinSecrets;
import com.networkpin.pin.domain.VerificationResult;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.PinStates;
import com.networkpin.pin.store.ResetGrants;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The PIN's commands and queries. Each command runs in one transaction: lock the contract's
 * stream (writers of one PIN queue up here, so they never conflict), read the snapshot, let the
 * domain decide, then append the events, their publications and the new snapshot together.
 * Verifications, by far the most frequent, share such transactions ({@link GroupCommit}).
 */
@ApplicationScoped
public class PinService {

    private static final Logger LOG = Logger.getLogger(PinService.class);

    private final Transactions transactions;
    private final EventStore eventStore;
    private final PinStates states;
    private final ResetGrants grants;
    private final Pool pool;
    private final PinSecrets secrets;
    private final PinPolicy policy;
    private final Clock clock;
    private final PinMetrics metrics;
    private final CurrentPins currentPins;
    private final GroupCommit groupCommit;
    private final boolean groupCommitEnabled;

    public PinService(Transactions transactions, EventStore eventStore, PinStates states, ResetGrants grants, Pool pool,
                      PinSecrets secrets, PinPolicy policy, Clock clock, PinMetrics metrics, CurrentPins currentPins,
                      GroupCommit groupCommit, PinConfig config) {
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.states = states;
        this.grants = grants;
        this.pool = pool;
        this.secrets = secrets;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
        this.currentPins = currentPins;
        this.groupCommit = groupCommit;
        this.groupCommitEnabled = config.groupCommit().enabled();
    }

    public Uni<Pin> set(String contractId, PinCode pin) {
        return command("set", contractId, (tx, current, now) -> record(tx, current, current.set(pin, secrets, now), now))
                .invoke(after -> LOG.infof("PIN set for contract %s", LogSafe.of(contractId)));
    }

    /** With group commit on, in a transaction shared with other verifications (see {@link GroupCommit}). */
    public Uni<VerificationResult> verify(String contractId, PinCode attempt, Channel channel) {
        if (!groupCommitEnabled) {
            return verifyAlone(contractId, attempt, channel);
        }
        long started = System.nanoTime();
        String traceparent = Tracing.currentTraceparent().orElse(null);
        return groupCommit.submit(new PendingVerification(contractId, attempt, channel, traceparent))
                .chain(outcome -> outcome.map(decided -> counted(decided, started))
                        .orElseGet(() -> verifyAlone(contractId, attempt, channel)));
    }

    private Uni<VerificationResult> counted(VerificationOutcome outcome, long started) {
        if (outcome.refusal() != null) {
            return Uni.createFrom().failure(outcome.refusal());
        }
        metrics.committed(outcome.changes());
        metrics.commandTook("verify", Duration.ofNanos(System.nanoTime() - started));
        return Uni.createFrom().item(outcome.result());
    }

    private Uni<VerificationResult> verifyAlone(String contractId, PinCode attempt, Channel channel) {
        return command("verify", contractId, (tx, current, now) -> {
            var verification = current.verify(attempt, channel, secrets, policy, now);
            return record(tx, current, verification.changes(), now).replaceWith(verification.result());
        });
    }

    public Uni<Disclosure> disclose(String contractId, String agentId, String identityCheckRef) {
        return command("disclose", contractId, (tx, current, now) -> {
            Disclosure disclosure = current.disclose(agentId, identityCheckRef, secrets, policy, now);
            return record(tx, current, disclosure.changes(), now).replaceWith(disclosure);
        }).invoke(d -> LOG.infof("PIN of contract %s disclosed to agent %s", LogSafe.of(contractId),
                LogSafe.of(agentId)));
    }

    /** By a terminal of {@code shopId}: the grant must be for a visit at that shop. */
    public Uni<Pin> reset(String contractId, String reservationNumber, String shopId, PinCode newPin) {
        return command("reset", contractId, (tx, current, now) -> grants.find(tx.client(), reservationNumber).chain(grant ->
                record(tx, current, current.reset(newPin, reservationNumber, shopId, grant, secrets, now), now)))
                .invoke(after -> LOG.infof("PIN of contract %s reset under reservation %s", LogSafe.of(contractId),
                        LogSafe.of(reservationNumber)));
    }

    /** In the caller's transaction (the consumer's inbox transaction). */
    public Uni<Void> grantReset(SqlClient client, IdentityVerified verified) {
        Instant now = clock.instant();
        Unit tx = new Unit(client, new ArrayList<>()); // the consumer commits: nothing counted here
        return lifted(tx, verified.contractId(), now).chain(pin -> grants.find(client, verified.reservationNumber())
                .chain(existing -> record(tx, pin, pin.grantReset(verified, existing, policy), now)))
                .replaceWithVoid();
    }

    /**
     * The snapshot as committed, as it stands now: a lock past its unlock time reads as lifted (the next
     * command or the unlock sweep records it). A contract without a snapshot has no PIN yet.
     */
    public Uni<Pin> status(String contractId) {
        return states.load(pool, contractId)
                .map(pin -> pin.map(p -> p.asOf(policy, clock.instant())).orElseGet(() -> Pin.notSet(contractId)));
    }

    public Uni<List<PinChange>> history(String contractId) {
        return pool.withConnection(c -> eventStore.load(c, contractId, 0)).map(PinEventCodec::fromStored);
    }

    public Instant now() {
        return clock.instant();
    }

    @FunctionalInterface
    private interface Command<T> {
        Uni<T> run(Unit tx, Pin current, Instant now);
    }

    /** One attempt at a command's transaction, and the changes it recorded (counted once it commits). */
    private record Unit(SqlClient client, List<PinChange> recorded) {
    }

    private <T> Uni<T> command(String name, String contractId, Command<T> command) {
        long started = System.nanoTime();
        List<PinChange> recorded = new ArrayList<>();
        return transactions.inTransaction(client -> {
            recorded.clear(); // a retried attempt records anew
            Unit tx = new Unit(client, recorded);
            Instant now = clock.instant();
            return lifted(tx, contractId, now).chain(pin -> command.run(tx, pin, now));
        }).invoke(() -> {
            metrics.committed(recorded);
            metrics.commandTook(name, Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /** The current PIN, with a lock that is over at {@code now} recorded as lifted first. */
    private Uni<Pin> lifted(Unit tx, String contractId, Instant now) {
        return current(tx.client(), contractId).chain(pin -> record(tx, pin, pin.liftIfDue(policy, now), now));
    }

    /**
     * Locks the stream, then reads the snapshot; replays the stream if the snapshot is not at its
     * version. Both statements are sent at once (pipelined on the transaction's connection): the
     * server runs them in order, so the read still starts only once the lock is held.
     */
    private Uni<Pin> current(SqlClient tx, String contractId) {
        return Uni.combine().all().unis(eventStore.lock(tx, contractId), states.load(tx, contractId)).asTuple()
                .chain(locked -> currentPins.at(tx, contractId, locked.getItem1(), locked.getItem2()));
    }

    private Uni<Pin> record(Unit unit, Pin before, List<PinChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(before);
        }
        Pin after = before.applyAll(changes, policy);
        unit.recorded().addAll(changes);
        SqlClient tx = unit.client();
        // Pipelined like the reads: the writes go out together; they commit or roll back together whatever
        // their order, and the first failure (e.g. the append's ConcurrencyConflict) fails the command.
        return Uni.combine().all().unis(
                        eventStore.append(tx, before.contractId(), before.version(),
                                PinEventCodec.toNewEvents(changes, before.version(), now)),
                        states.save(tx, after),
                        grants.record(tx, changes))
                .discardItems()
                .replaceWith(after);
    }
}
