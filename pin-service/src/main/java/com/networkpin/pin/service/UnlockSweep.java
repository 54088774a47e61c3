package com.networkpin.pin.service;

import com.networkpin.events.LogSafe;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The periodic unlock sweep ({@code network-pin.pin.unlock-sweep-every}, default 5 s): lifts every
 * lock due by the latest received midnight this clock has reached. It catches a {@code Locked} that
 * committed after its midnight's unlock had run (a command that read the clock at 23:59:59.9), and a
 * midnight that arrived ahead of this clock and was held. Commands and status reads do not wait for
 * it: they treat a lock past its unlock time as lifted.
 */
@ApplicationScoped
public class UnlockSweep {

    private static final Logger LOG = Logger.getLogger(UnlockSweep.class);

    private final MidnightUnlocker unlocker;

    public UnlockSweep(MidnightUnlocker unlocker) {
        this.unlocker = unlocker;
    }

    @Scheduled(identity = "unlock-sweep", every = "${network-pin.pin.unlock-sweep-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sweep() {
        return unlocker.sweep()
                .onFailure().invoke(failure -> LOG.warnf("unlock sweep failed, the next one retries: %s", LogSafe.message(failure)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
