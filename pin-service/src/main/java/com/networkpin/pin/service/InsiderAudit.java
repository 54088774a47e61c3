package com.networkpin.pin.service;

import com.networkpin.pin.domain.InsiderAction;
import com.networkpin.pin.domain.InsiderQuery;
import com.networkpin.pin.store.InsiderTrail;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The security team's questions to the audit trail of disclosures and resets. */
@ApplicationScoped
public class InsiderAudit {

    private final InsiderTrail trail;
    private final Pool pool;

    public InsiderAudit(InsiderTrail trail, Pool pool) {
        this.trail = trail;
        this.pool = pool;
    }

    /** At most {@code query.limit()} entries, newest first, and one more if a next page exists. */
    public Uni<List<InsiderAction>> page(InsiderQuery query) {
        return trail.page(pool, query);
    }
}
