package com.networkpin.pin.domain;

import com.networkpin.events.AttemptFailed;
import com.networkpin.events.AttemptRefused;
import com.networkpin.events.AttemptSucceeded;
import com.networkpin.events.Channel;
import com.networkpin.events.ContractIds;
import com.networkpin.events.IdentityCheck;
import com.networkpin.events.IdentityVerified;
import com.networkpin.events.JapanTime;
import com.networkpin.events.Locked;
import com.networkpin.events.MidnightUnlock;
import com.networkpin.events.PinDisclosed;
import com.networkpin.events.PinEvent;
import com.networkpin.events.PinReset;
import com.networkpin.events.PinSet;
import com.networkpin.events.ResetGranted;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The network PIN of one contract, as its events leave it. Commands decide which events happen
 * ({@code set}, {@code verify}, …) without changing anything; {@link #apply} folds an event in.
 *
 * @param version           events in the stream so far
 * @param disclosureDate    the date (policy zone) of the latest disclosure, for the daily limit
 * @param disclosuresOnDate how many disclosures happened on that date
 */
public record Pin(String contractId, long version, PinStatus status, int consecutiveFailures, Instant lockedAt,
                  Instant unlocksAt, Credential credential, LocalDate disclosureDate, int disclosuresOnDate) {

    public static Pin notSet(String contractId) {
        return new Pin(contractId, 0, PinStatus.NOT_SET, 0, null, null, null, null, 0);
    }

    /** Rebuilds the PIN from its whole stream, oldest first. */
    public static Pin replay(String contractId, List<PinChange> stream, PinPolicy policy) {
        return notSet(contractId).applyAll(stream, policy);
    }

    public int remainingAttempts(PinPolicy policy) {
        return status == PinStatus.LOCKED ? 0 : Math.max(0, policy.maxConsecutiveFailures() - consecutiveFailures);
    }

    // ---- decisions ----

    public List<PinChange> set(PinCode pin, PinSecrets secrets, Instant now) {
        ContractIds.requireValid(contractId); // the one definition every service checks, so no other id gets a PIN
        if (status != PinStatus.NOT_SET) {
            throw new PinRefused(RefusalReason.PIN_ALREADY_SET,
                    "The PIN is already set; it can only be changed at a shop (reset).");
        }
        return List.of(PinChange.of(new PinSet(contractId, now), secrets.protect(contractId, pin)));
    }

    /**
     * Checks an attempt. While locked the PIN is not even compared. The wrong entry that reaches
     * the limit is recorded as a failure followed by the lock. A right entry checked with an older
     * pepper than the active one carries the PIN's new hash under the active pepper.
     */
    public Verification verify(PinCode attempt, Channel channel, PinSecrets secrets, PinPolicy policy, Instant now) {
        requireSet();
        List<PinChange> changes = new ArrayList<>(2);
        if (status == PinStatus.LOCKED) {
            changes.add(PinChange.of(new AttemptRefused(contractId, channel, now, unlocksAt)));
        } else if (secrets.matches(credential, attempt)) {
            AttemptSucceeded succeeded = new AttemptSucceeded(contractId, channel, now);
            changes.add(secrets.rehashed(credential, attempt)
                    .map(rehashed -> PinChange.of(succeeded, rehashed))
                    .orElseGet(() -> PinChange.of(succeeded)));
        } else {
            int failures = consecutiveFailures + 1;
            int remaining = Math.max(0, policy.maxConsecutiveFailures() - failures);
            changes.add(PinChange.of(new AttemptFailed(contractId, channel, failures, remaining, now)));
            if (remaining == 0) {
                changes.add(PinChange.of(new Locked(contractId, now, policy.nextMidnightAfter(now))));
            }
        }
        return new Verification(changes, VerificationResult.of(applyAll(changes, policy), changes, policy));
    }

    /**
     * The manned chat confirms the PIN to a holder whose identity {@code agent} checked by {@code check}: only in
     * its hours, at most the daily limit per contract.
     */
    public Disclosure disclose(Insider agent, IdentityCheck check, String caseRef, PinSecrets secrets, PinPolicy policy,
                               Instant now) {
        requireSet();
        if (!check.choosable()) {
            throw new IllegalArgumentException("not an identity check an agent performs: " + check);
        }
        if (!policy.isMannedChatOpen(now)) {
            Instant opening = policy.nextMannedChatOpening(now);
            throw new PinRefused(RefusalReason.OUTSIDE_MANNED_HOURS,
                    "The manned chat is closed; it opens next at " + JapanTime.format(opening, policy.zone()) + ".", opening);
        }
        if (disclosuresOn(policy.dateOf(now)) >= policy.dailyDisclosureLimit()) {
            Instant tomorrow = policy.nextMidnightAfter(now);
            throw new PinRefused(RefusalReason.DAILY_DISCLOSURE_LIMIT,
                    "The PIN of this contract has been disclosed " + policy.dailyDisclosureLimit()
                            + " times today; try again after " + JapanTime.format(tomorrow, policy.zone()) + ".", tomorrow);
        }
        List<PinChange> changes = List.of(PinChange.of(new PinDisclosed(contractId, agent.id(), agent.sessionId(), check,
                caseRef, now)));
        return new Disclosure(changes, secrets.reveal(contractId, credential));
    }

    /**
     * Records a shop's identity check for a PIN reset or change as a grant for that reservation.
     * Nothing happens for other visit purposes or when the reservation already has its grant.
     */
    public List<PinChange> grantReset(IdentityVerified verified, Optional<ResetGrant> existing, PinPolicy policy) {
        if (!verified.purpose().authorisesPinReset() || existing.isPresent()) {
            return List.of();
        }
        return List.of(PinChange.of(new ResetGranted(contractId, verified.reservationNumber(), verified.shopId(), verified.staffId(),
                verified.document(), verified.purpose(), verified.verifiedAt(), verified.verifiedAt().plus(policy.resetGrantLifetime()))));
    }

    /**
     * A new PIN from {@code staff} at a terminal of {@code shopId}, under a live unused grant made for a visit at
     * that shop; lifts a lock and clears the count. The reset records the document the grant's check accepted.
     */
    public List<PinChange> reset(PinCode newPin, String reservationNumber, String shopId, Insider staff,
                                 Optional<ResetGrant> grant, PinSecrets secrets, Instant now) {
        requireSet();
        ResetGrant live = grant.filter(g -> g.contractId().equals(contractId)).orElseThrow(() -> new PinRefused(
                RefusalReason.GRANT_NOT_RECEIVED,
                "No reset grant for this reservation yet: the shop's identity check may still be on its way; retry shortly."));
        if (!live.isFor(shopId)) {
            throw new PinRefused(RefusalReason.GRANT_OF_ANOTHER_SHOP,
                    "The reset grant of this reservation was made for a visit at another shop.");
        }
        if (live.isUsed()) {
            throw new PinRefused(RefusalReason.GRANT_USED, "The reset grant of this reservation was already used.");
        }
        if (live.isExpiredAt(now)) {
            throw new PinRefused(RefusalReason.GRANT_EXPIRED,
                    "The reset grant of this reservation expired at " + live.expiresAt() + "; verify identity again.");
        }
        List<PinChange> changes = new ArrayList<>(2);
        PinChange reset = PinChange.of(new PinReset(contractId, reservationNumber, staff.id(),
                        staff.sessionId(), live.document(), now),
                secrets.protect(contractId, newPin));
        changes.add(reset);
        if (status == PinStatus.LOCKED) {
            changes.add(PinChange.of(new Unlocked(contractId, UnlockReason.RESET, reset.eventId(), now)));
        }
        return changes;
    }

    /**
     * A lock is over at its {@code unlocksAt}, whether or not its midnight's unlock has run here yet (it
     * may have run before this lock committed, or be late): from that instant on, the next command
     * records the {@code Unlocked} first. Its cause is the MidnightUnlock of the lock's date, whose id
     * is derived from the date.
     */
    public List<PinChange> liftIfDue(PinPolicy policy, Instant now) {
        if (status != PinStatus.LOCKED || now.isBefore(unlocksAt)) {
            return List.of();
        }
        UUID midnightUnlockId = MidnightUnlock.eventIdFor(policy.dateOf(unlocksAt));
        return List.of(PinChange.of(new Unlocked(contractId, UnlockReason.MIDNIGHT, midnightUnlockId, now)));
    }

    /** The PIN as it stands at {@code now}: a lock past its unlock time reads as lifted, even before it is recorded. */
    public Pin asOf(PinPolicy policy, Instant now) {
        return applyAll(liftIfDue(policy, now), policy);
    }

    /** The date changed in the policy zone: a lock due by {@code midnight} lifts. */
    public List<PinChange> unlockAtMidnight(UUID midnightUnlockId, Instant midnight, Instant now) {
        if (status != PinStatus.LOCKED || unlocksAt.isAfter(midnight)) {
            return List.of();
        }
        return List.of(PinChange.of(new Unlocked(contractId, UnlockReason.MIDNIGHT, midnightUnlockId, now)));
    }

    // ---- evolution ----

    public Pin applyAll(List<PinChange> changes, PinPolicy policy) {
        Pin pin = this;
        for (PinChange change : changes) {
            pin = pin.apply(change, policy);
        }
        return pin;
    }

    public Pin apply(PinChange change, PinPolicy policy) {
        long next = version + 1;
        PinEvent event = change.event();
        if (event instanceof PinSet || event instanceof PinReset) {
            PinStatus after = status == PinStatus.LOCKED ? PinStatus.LOCKED : PinStatus.ACTIVE; // Unlocked follows
            return new Pin(contractId, next, after, 0, lockedAt, unlocksAt, change.credential(), disclosureDate,
                    disclosuresOnDate);
        }
        if (event instanceof AttemptSucceeded) {
            Credential kept = change.credential() == null ? credential : change.credential(); // re-hashed
            return new Pin(contractId, next, status, 0, lockedAt, unlocksAt, kept, disclosureDate, disclosuresOnDate);
        }
        if (event instanceof AttemptFailed failed) {
            return with(next, status, failed.consecutiveFailures(), lockedAt, unlocksAt);
        }
        if (event instanceof Locked locked) {
            return with(next, PinStatus.LOCKED, consecutiveFailures, locked.lockedAt(), locked.unlocksAt());
        }
        if (event instanceof Unlocked) {
            return with(next, PinStatus.ACTIVE, 0, null, null);
        }
        if (event instanceof PinDisclosed disclosed) {
            LocalDate date = policy.dateOf(disclosed.disclosedAt());
            return new Pin(contractId, next, status, consecutiveFailures, lockedAt, unlocksAt, credential, date,
                    disclosuresOn(date) + 1);
        }
        if (event instanceof AttemptRefused || event instanceof ResetGranted) {
            // They leave the PIN as it is (grants are kept as ResetGrant).
            return with(next, status, consecutiveFailures, lockedAt, unlocksAt);
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " is not an event of the PIN " + contractId);
    }

    private Pin with(long nextVersion, PinStatus newStatus, int failures, Instant newLockedAt, Instant newUnlocksAt) {
        return new Pin(contractId, nextVersion, newStatus, failures, newLockedAt, newUnlocksAt, credential,
                disclosureDate, disclosuresOnDate);
    }

    private int disclosuresOn(LocalDate date) {
        return date.equals(disclosureDate) ? disclosuresOnDate : 0;
    }

    private void requireSet() {
        if (status == PinStatus.NOT_SET) {
            throw new PinRefused(RefusalReason.PIN_NOT_SET, "No PIN is set for this contract.");
        }
    }
}
