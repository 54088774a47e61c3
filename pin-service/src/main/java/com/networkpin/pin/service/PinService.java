package com.networkpin.pin.service;

import com.networkpin.events.Channel;
import com.networkpin.events.IdentityCheck;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.LogSafe;
import com.networkpin.eventstore.idempotency.IdempotencyStore;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.eventstore.idempotency.NewAnswer;
import com.networkpin.eventstore.idempotency.StoredAnswer;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.eventstore.store.Transactions;
import com.networkpin.eventstore.trace.Tracing;
import com.networkpin.pin.config.PinConfig;
import com.networkpin.pin.domain.Disclosure;
import com.networkpin.pin.domain.Insider;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinChange;
import com.networkpin.pin.domain.PinCode;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.domain.PinSecrets;
import com.networkpin.pin.domain.VerificationResult;
import com.networkpin.pin.store.PinEventCodec;
import com.networkpin.pin.store.InsiderTrail;
import com.networkpin.pin.store.PinStates;
import com.networkpin.pin.store.ResetGrants;
import com.networkpin.support.idempotency.IdempotencyHeader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The PIN's commands and queries. Each command runs in one transaction: lock the contract's
 * stream (writers of one PIN queue up here, so they never conflict), read the snapshot, let the
 * domain decide, then append the events, their publications, the new snapshot and what is kept of the events
 * beside it (reset grants, the insiders' audit trail) together.
 * Verifications, by far the most frequent, share such transactions ({@link GroupCommit}). A command sent
 * with an Idempotency-Key looks up its earlier answer once the stream is locked and keeps its own in the
 * same transaction. One file past 300 lines: every command shares that one transaction shape (lock,
 * decide, record, keep the answer), which split across files would be read in pieces.
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
    private final IdempotencyStore idempotencyStore;
    private final PinAnswers answers;
    private final SealedDisclosures sealedDisclosures;
    private final InsiderLimits insiders;
    private final InsiderTrail trail;

    public PinService(Transactions transactions, EventStore eventStore, PinStates states, ResetGrants grants, Pool pool,
                      PinSecrets secrets, PinPolicy policy, Clock clock, PinMetrics metrics, CurrentPins currentPins,
                      GroupCommit groupCommit, PinConfig config, IdempotencyStore idempotencyStore, PinAnswers answers,
                      SealedDisclosures sealedDisclosures, InsiderLimits insiders, InsiderTrail trail) {
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
        this.idempotencyStore = idempotencyStore;
        this.answers = answers;
        this.sealedDisclosures = sealedDisclosures;
        this.insiders = insiders;
        this.trail = trail;
    }

    /** 201 with the PIN's status; a retry with the key after a lost 201 gets that 201 again. */
    public Uni<Answer> set(String contractId, PinCode pin, Optional<IdempotentRequest> idempotency) {
        return command("set", contractId, idempotency, Answer::replayOf, (tx, current, now) ->
                record(tx, current, current.set(pin, secrets, now), now).map(after -> kept(answers.status(201, after))))
                .invoke(answer -> logDecided(answer, () -> LOG.infof("PIN set for contract %s", LogSafe.of(contractId))));
    }

    /**
     * With group commit on, in a transaction shared with other verifications (see {@link GroupCommit}), under
     * its admission control: {@code client} is the calling application.
     */
    public Uni<VerificationResult> verify(String contractId, PinCode attempt, Channel channel, String client) {
        return decided(contractId, attempt, channel, client, null).map(VerificationOutcome::result);
    }

    /** As {@link #verify(String, PinCode, Channel, String)}, answered once per Idempotency-Key. */
    public Uni<Answer> verify(String contractId, PinCode attempt, Channel channel, String client,
                              IdempotentRequest idempotency) {
        return decided(contractId, attempt, channel, client, idempotency).map(VerificationOutcome::answer);
    }

    private Uni<VerificationOutcome> decided(String contractId, PinCode attempt, Channel channel, String client,
                                             IdempotentRequest idempotency) {
        if (!groupCommitEnabled) {
            return verifyAlone(contractId, attempt, channel, idempotency);
        }
        long started = System.nanoTime();
        String traceparent = Tracing.currentTraceparent().orElse(null);
        return groupCommit.submit(new PendingVerification(contractId, attempt, channel, traceparent, idempotency), client)
                .chain(outcome -> outcome.map(decided -> counted(decided, started))
                        .orElseGet(() -> verifyAlone(contractId, attempt, channel, idempotency)));
    }

    private Uni<VerificationOutcome> counted(VerificationOutcome outcome, long started) {
        if (outcome.refusal() != null) {
            return Uni.createFrom().failure(outcome.refusal());
        }
        metrics.committed(outcome.changes());
        metrics.commandTook("verify", Duration.ofNanos(System.nanoTime() - started));
        return Uni.createFrom().item(outcome);
    }

    private Uni<VerificationOutcome> verifyAlone(String contractId, PinCode attempt, Channel channel, IdempotentRequest idempotency) {
        List<VerificationResult> result = new ArrayList<>(1);
        return command("verify", contractId, Optional.ofNullable(idempotency), Answer::replayOf, (tx, current, now) -> {
            var verification = current.verify(attempt, channel, secrets, policy, now);
            result.add(verification.result());
            return record(tx, current, verification.changes(), now)
                    .replaceWith(() -> kept(answers.verification(verification.result())));
        }).map(answer -> new VerificationOutcome(result.isEmpty() ? null : result.get(result.size() - 1), List.of(),
                null, answer));
    }

    /**
     * 200 with the PIN, disclosed by {@code agent} after {@code check}; {@code caseRef} is the chat's case number.
     * Kept for the key sealed (see {@link SealedDisclosures}): a replay shows the PIN disclosed then, counts no
     * second disclosure and writes the PIN nowhere new.
     */
    public Uni<Answer> disclose(String contractId, Insider agent, IdentityCheck check, String caseRef,
                                Optional<IdempotentRequest> idempotency) {
        return command("disclose", contractId, idempotency, earlier -> sealedDisclosures.open(contractId, earlier.body(), answers),
                (tx, current, now) -> insiders.admit(tx.client(), InsiderLimits.DISCLOSURE, agent.id(), now).chain(() -> {
                    Disclosure disclosure = current.disclose(agent, check, caseRef, secrets, policy, now);
                    return record(tx, current, disclosure.changes(), now)
                            .replaceWith(() -> new Decided(answers.disclosed(disclosure.pin(), now), idempotency.isEmpty()
                                    ? null : sealedDisclosures.seal(contractId, disclosure.pin(), now)));
                })).invoke(answer -> logDecided(answer, () -> LOG.infof("PIN of contract %s disclosed to agent %s after %s",
                LogSafe.of(contractId), LogSafe.of(agent.id()), check)));
    }

    /**
     * By {@code staff} at a terminal of {@code shopId}: the grant must be for a visit at that shop. 200 with the
     * PIN's status.
     */
    public Uni<Answer> reset(String contractId, String reservationNumber, String shopId, Insider staff, PinCode newPin,
                             Optional<IdempotentRequest> idempotency) {
        return command("reset", contractId, idempotency, Answer::replayOf, (tx, current, now) -> insiders
                .admit(tx.client(), InsiderLimits.RESET, staff.id(), now)
                .chain(() -> grants.find(tx.client(), reservationNumber))
                .chain(grant -> record(tx, current,
                        current.reset(newPin, reservationNumber, shopId, staff, grant, secrets, now), now))
                .map(after -> kept(answers.status(200, after))))
                .invoke(answer -> logDecided(answer, () -> LOG.infof("PIN of contract %s reset under reservation %s",
                        LogSafe.of(contractId), LogSafe.of(reservationNumber))));
    }

    /**
     * The key of a request sent with an Idempotency-Key, in its caller's scope; what the request asked
     * ({@code parts}) is digested with a key of the PIN secrets, as it may hold a PIN: with the active pepper,
     * and with each former one still configured, which a request first made before a rotation was digested with.
     */
    public IdempotentRequest idempotentRequest(String caller, String operation, String key, String... parts) {
        List<String> digests = secrets.requestDigests(IdempotentRequest.canonical(parts));
        return new IdempotentRequest(new IdempotentRequest.ScopedKey(caller, operation, key), digests.get(0),
                Set.copyOf(digests.subList(1, digests.size())));
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

    /** A command's answer, and what to keep of it for its key (the answer's body but for a disclosure). */
    private record Decided(Answer answer, String kept) {
    }

    private static Decided kept(Answer answer) {
        return new Decided(answer, answer == null ? null : answer.body());
    }

    private static void logDecided(Answer answer, Runnable log) {
        if (!answer.replayed() && !answer.problem()) {
            log.run();
        }
    }

    /**
     * The command in one transaction. With an Idempotency-Key, the answer kept for it is looked up once
     * the stream is locked (a retry of a request still in flight waits there for it, then sees its answer):
     * a kept answer is given again and nothing written; otherwise the command's answer, or its final
     * refusal, is kept in the transaction that decided it. Without a key, a refusal fails the command.
     */
    private Uni<Answer> command(String name, String contractId, Optional<IdempotentRequest> idempotency,
                                Function<StoredAnswer, Answer> replay, Command<Decided> command) {
        long started = System.nanoTime();
        List<PinChange> recorded = new ArrayList<>();
        return transactions.inTransaction(client -> {
            recorded.clear(); // a retried attempt records anew
            Unit tx = new Unit(client, recorded);
            Instant now = clock.instant();
            if (idempotency.isEmpty()) {
                return current(client, contractId).chain(pin -> decide(tx, pin, now, command)).map(Decided::answer);
            }
            IdempotentRequest request = idempotency.get();
            return Uni.combine().all().unis(current(client, contractId), idempotencyStore.find(client, request.key()))
                    .asTuple().chain(found -> found.getItem2().isPresent()
                            ? Uni.createFrom().item(() -> replayed(request, found.getItem2().get(), replay))
                            : decide(tx, found.getItem1(), now, command)
                                    .onFailure(f -> f instanceof PinRefused refused && !refused.retryable())
                                    .recoverWithItem(refusal -> kept(answers.refused((PinRefused) refusal)))
                                    .call(decided -> idempotencyStore.keep(client,
                                            new NewAnswer(request, decided.answer().status(), decided.kept()), now))
                                    .map(Decided::answer));
        }).invoke(answer -> {
            if (!answer.replayed()) {
                metrics.committed(recorded);
                metrics.commandTook(name, Duration.ofNanos(System.nanoTime() - started));
            }
        });
    }

    private static Answer replayed(IdempotentRequest request, StoredAnswer earlier, Function<StoredAnswer, Answer> replay) {
        if (!request.sameRequestAs(earlier)) {
            throw IdempotencyHeader.reused();
        }
        return replay.apply(earlier);
    }

    private <T> Uni<T> decide(Unit tx, Pin current, Instant now, Command<T> command) {
        return record(tx, current, current.liftIfDue(policy, now), now).chain(lifted -> command.run(tx, lifted, now));
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
                        grants.record(tx, changes),
                        trail.record(tx, changes))
                .discardItems()
                .replaceWith(after);
    }
}
