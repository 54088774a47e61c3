package com.networkpin.pin.service;

import com.networkpin.pin.domain.InsiderPolicy;
import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.store.InsiderActions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The insider limits ({@link InsiderPolicy}) in a command's transaction: {@link #admit} before the command is
 * decided (the person's recent actions locked and counted; a refusal is counted by person in
 * {@code network_pin_pin_insider_refused_total}), {@link #recorded} once it was.
 */
@ApplicationScoped
public class InsiderLimits {

    static final String DISCLOSURE = "disclosure";
    static final String RESET = "reset";

    private final InsiderActions actions;
    private final InsiderPolicy policy;
    private final PinMetrics metrics;

    public InsiderLimits(InsiderActions actions, InsiderPolicy policy, PinMetrics metrics) {
        this.actions = actions;
        this.policy = policy;
        this.metrics = metrics;
    }

    Uni<Void> admit(SqlClient tx, String action, String actor, Instant now) {
        return actions.lockAndRead(tx, actor, action, now.minus(InsiderPolicy.DAY)).invoke(recent -> check(action, actor, recent, now))
                .replaceWithVoid();
    }

    Uni<Void> recorded(SqlClient tx, String action, String actor, String contractId, Instant now) {
        return actions.record(tx, actor, action, contractId, now, now.minus(InsiderPolicy.DAY));
    }

    private void check(String action, String actor, List<Instant> recent, Instant now) {
        try {
            if (action.equals(DISCLOSURE)) {
                policy.checkDisclosure(recent, now);
            } else {
                policy.checkReset(recent, now);
            }
        } catch (PinRefused refused) {
            metrics.insiderRefused(action, actor);
            throw refused;
        }
    }
}
