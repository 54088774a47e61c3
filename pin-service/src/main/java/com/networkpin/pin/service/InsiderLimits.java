package com.networkpin.pin.service;

import com.networkpin.pin.domain.InsiderAction;
import com.networkpin.pin.domain.InsiderPolicy;
import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.store.InsiderTrail;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The insider limits ({@link InsiderPolicy}) in a command's transaction, before the command is decided: the
 * person's actions of the last day in the audit trail are locked and counted; a refusal is counted by person in
 * {@code network_pin_pin_insider_refused_total}. The action itself joins the trail with its event.
 */
@ApplicationScoped
public class InsiderLimits {

    static final String DISCLOSURE = InsiderAction.DISCLOSURE;
    static final String RESET = InsiderAction.RESET;

    private final InsiderTrail trail;
    private final InsiderPolicy policy;
    private final PinMetrics metrics;

    public InsiderLimits(InsiderTrail trail, InsiderPolicy policy, PinMetrics metrics) {
        this.trail = trail;
        this.policy = policy;
        this.metrics = metrics;
    }

    Uni<Void> admit(SqlClient tx, String action, String actor, Instant now) {
        return trail.lockAndRead(tx, actor, action, now.minus(InsiderPolicy.DAY)).invoke(recent -> check(action, actor, recent, now))
                .replaceWithVoid();
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
