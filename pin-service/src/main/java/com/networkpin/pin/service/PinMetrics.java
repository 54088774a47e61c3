package com.networkpin.pin.service;

import com.networkpin.events.AttemptFailed;
import com.networkpin.events.AttemptRefused;
import com.networkpin.events.AttemptSucceeded;
import com.networkpin.events.Channel;
import com.networkpin.events.Locked;
import com.networkpin.events.PinDisclosed;
import com.networkpin.events.PinEvent;
import com.networkpin.events.PinReset;
import com.networkpin.events.UnlockReason;
import com.networkpin.events.Unlocked;
import com.networkpin.pin.domain.PinChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The pin-service's figures, counted from the events a command committed: verifications by outcome
 * ({@code verified}, {@code mismatch}, {@code locked} — the wrong entry that locked it —, {@code refused}
 * — an attempt while locked) and channel, locks, unlocks by reason, disclosures, resets, each
 * command's latency, and how many verifications shared each group commit. Labels are outcomes, channels, reasons and command names: never a contract.
 */
@ApplicationScoped
public class PinMetrics {

    private final MeterRegistry registry;

    public PinMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** After the commit: the changes of one command (or one chunk of a midnight unlock). */
    void committed(List<PinChange> changes) {
        boolean locks = changes.stream().anyMatch(change -> change.event() instanceof Locked);
        for (PinChange change : changes) {
            count(change.event(), locks);
        }
    }

    void unlockedAtMidnight(int pins) {
        unlocks(UnlockReason.MIDNIGHT).increment(pins);
    }

    void commandTook(String command, Duration took) {
        Timer.builder("network-pin.pin.command").tag("command", command)
                .description("PIN commands, from the request to the commit")
                .publishPercentileHistogram().register(registry).record(took);
    }

    /** Verifications that shared one transaction (group commit). */
    void batchCommitted(int verifications) {
        DistributionSummary.builder("network-pin.pin.group-commit.batch")
                .description("Verifications committed together in one transaction").publishPercentileHistogram()
                .register(registry).record(verifications);
    }

    /** A verification refused by admission control: lane-full, client-quota, deadline or pool. */
    void admissionRefused(String reason) {
        Counter.builder("network-pin.pin.admission.refused").tag("reason", reason)
                .description("Verifications refused before anything was decided, by reason").register(registry).increment();
    }

    private void count(PinEvent event, boolean locks) {
        if (event instanceof AttemptSucceeded succeeded) {
            verification("verified", succeeded.channel());
        } else if (event instanceof AttemptFailed failed) {
            verification(locks ? "locked" : "mismatch", failed.channel());
        } else if (event instanceof AttemptRefused refused) {
            verification("refused", refused.channel());
        } else if (event instanceof Locked) {
            counter("network-pin.pin.locks", "PINs locked after repeated wrong entries").increment();
        } else if (event instanceof Unlocked unlocked) {
            unlocks(unlocked.reason()).increment();
        } else if (event instanceof PinDisclosed disclosed) {
            Counter.builder("network-pin.pin.disclosures").tag("agent", disclosed.agentId())
                    .description("PINs disclosed by the manned chat, by agent").register(registry).increment();
        } else if (event instanceof PinReset) {
            counter("network-pin.pin.resets", "PINs reset at a shop").increment();
        }
    }

    /** A disclosure or reset refused by the insider limits, by person (the token's subject). */
    void insiderRefused(String action, String actor) {
        Counter.builder("network-pin.pin.insider.refused").tag("action", action).tag("actor", actor)
                .description("Disclosures and resets refused by the insider limits, by person").register(registry)
                .increment();
    }

    private void verification(String outcome, Channel channel) {
        Counter.builder("network-pin.pin.verifications").tag("outcome", outcome)
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .description("PIN verifications by outcome and channel").register(registry).increment();
    }

    private Counter unlocks(UnlockReason reason) {
        return Counter.builder("network-pin.pin.unlocks").tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .description("Locks lifted, by reason").register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
